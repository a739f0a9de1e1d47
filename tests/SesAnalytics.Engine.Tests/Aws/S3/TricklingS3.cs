using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SesAnalytics.Engine.Tests.Aws.S3;

/// <summary>
/// An S3 on a raw socket that answers every request with HTTP 200 and writes the body in the given pieces, flushed one
/// by one with a pause between them, so the client reads them in separate network reads; with <see cref="Stall"/> it
/// then keeps the connection open without sending anything, like a network that went quiet.
/// </summary>
internal sealed class TricklingS3 : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly IReadOnlyList<byte[]> _pieces;

    public TricklingS3(IReadOnlyList<byte[]> pieces, bool stall = false)
    {
        _pieces = pieces;
        Stall = stall;
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public bool Stall { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Cuts <paramref name="body"/> into pieces of the given sizes, in turn, until it is used up.</summary>
    public static List<byte[]> Cut(byte[] body, params int[] sizes)
    {
        var pieces = new List<byte[]>();
        for (int offset = 0, i = 0; offset < body.Length; i++)
        {
            int size = Math.Min(sizes[i % sizes.Length], body.Length - offset);
            pieces.Add(body[offset..(offset + size)]);
            offset += size;
        }

        return pieces;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            client.NoDelay = true;
            try
            {
                NetworkStream stream = client.GetStream();
                await ReadRequestAsync(stream);
                await stream.WriteAsync(Encoding.ASCII.GetBytes(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nx-amz-request-id: REQTRICKLE\r\nConnection: close\r\n\r\n"), _stop.Token);
                foreach (byte[] piece in _pieces)
                {
                    await stream.WriteAsync(piece, _stop.Token);
                    await stream.FlushAsync(_stop.Token);
                    await Task.Delay(15, _stop.Token);
                }

                if (Stall)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                // Disposed while answering.
            }
            catch (IOException)
            {
                // The client went away, which is what a cancelled read does.
            }
        }
    }

    private async Task ReadRequestAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        byte[] one = new byte[1];
        while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                return;
            }

            head.Add(one[0]);
        }

        string text = Encoding.ASCII.GetString(head.ToArray());
        string? length = text.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        int remaining = length is null ? 0 : int.Parse(length["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        byte[] body = new byte[Math.Max(remaining, 1)];
        while (remaining > 0)
        {
            int read = await stream.ReadAsync(body.AsMemory(0, remaining), _stop.Token);
            if (read == 0)
            {
                return;
            }

            remaining -= read;
        }
    }
}
