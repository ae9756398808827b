namespace VoiceConnector.Functions.Tests.Twilio;

/// <summary>Counts the attempts the client makes through a real socket handler (including ones that never connect).</summary>
public sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private int attempts;

    public int Attempts => Volatile.Read(ref attempts);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref attempts);
        return base.SendAsync(request, cancellationToken);
    }
}
