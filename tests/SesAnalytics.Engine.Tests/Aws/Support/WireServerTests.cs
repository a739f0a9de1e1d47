using WireMock.Server;

namespace SesAnalytics.Engine.Tests.Aws.Support;

/// <summary>A test class's WireMock server on 127.0.0.1, and a handler that counts the requests a client really sent.</summary>
public abstract class WireServerTests : IDisposable
{
    protected WireMockServer Server { get; } = WireMockServer.Start();

    protected CountingHandler Sent { get; } = new();

    protected Uri Endpoint => new($"http://127.0.0.1:{Server.Port}/");

    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
        Sent.Dispose();
        GC.SuppressFinalize(this);
    }
}
