using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SesAnalytics.Fakes;

/// <summary>
/// An HTTP server on 127.0.0.1 at a free port, answering each request on its own task. A fake derives from it and
/// answers in <see cref="Handle"/>; every request is recorded first. Dispose stops it.
/// </summary>
public abstract class LoopbackServer : IDisposable
{
    public const string AccessKey = "AKIDLOOPBACKFAKE0001";
    public const string SecretKey = "loopbackFakeSecretKeyNeverShown/K7MDENG";
    public const string Region = "us-east-1";

    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _serving;

    protected LoopbackServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>What -EndpointUrl takes to reach this fake.</summary>
    public string EndpointUrl => $"http://127.0.0.1:{Port}";

    /// <summary>Every request received, in arrival order.</summary>
    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>Cancelled when the server stops: what a stalled answer waits on.</summary>
    protected CancellationToken Closing => _closing.Token;

    /// <summary>The AWS parameters a script passes to reach this fake, as a user types them.</summary>
    public string AwsParameters => $"-EndpointUrl {EndpointUrl} -AccessKey {AccessKey} -SecretKey '{SecretKey}' -Region {Region}";

    public void Dispose()
    {
        _closing.Cancel();
        _listener.Stop();
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContextAsync.
        }

        _closing.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Answers one request; <paramref name="request"/> holds its body already read.</summary>
    protected abstract void Handle(FakeRequest request, HttpListenerResponse response);

    protected static void Write(HttpListenerResponse response, int status, string contentType, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
    }

    protected static void Write(HttpListenerResponse response, int status, string contentType, string body) =>
        Write(response, status, contentType, Encoding.UTF8.GetBytes(body));

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Answer(context));
        }
    }

    private void Answer(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var request = FakeRequest.From(context.Request, reader.ReadToEnd());
            Requests.Enqueue(request);
            Handle(request, context.Response);
        }
        catch (Exception error) when (error is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away, or the server is stopping.
        }
        finally
        {
            try
            {
                context.Response.Close();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException)
            {
                // Already gone.
            }
        }
    }
}
