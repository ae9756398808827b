using System.Text;
using BenchmarkDotNet.Attributes;
using VoiceConnector.Edge.Twilio.Protocol;

namespace VoiceConnector.Edge.Benchmarks.Twilio;

/// <summary>
/// Per-20 ms-frame cost of the Media Streams protocol: reading an inbound <c>media</c> message (JSON + base64 into a
/// buffer) and writing an outbound one (JSON + base64 into a pooled buffer). Allocation must be zero.
/// <c>dotnet run -c Release --project tests/Edge.Benchmarks -- --filter '*TwilioProtocol*' --memory</c>
/// </summary>
[MemoryDiagnoser]
public class TwilioProtocolBenchmarks : IDisposable
{
    private readonly byte[] payload = new byte[4096];
    private readonly byte[] audio = new byte[160];
    private byte[] inbound = [];
    private TwilioMessageWriter writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        new Random(7).NextBytes(audio);
        inbound = Encoding.UTF8.GetBytes(
            $$"""{"event":"media","sequenceNumber":"1234","media":{"track":"inbound","chunk":"1233","timestamp":"24660","payload":"{{Convert.ToBase64String(audio)}}"},"streamSid":"MZ0123456789abcdef0123456789abcdef"}""");
        writer = new TwilioMessageWriter("MZ0123456789abcdef0123456789abcdef");
    }

    [GlobalCleanup]
    public void Dispose()
    {
        writer.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public int ReadMedia()
    {
        TwilioMessageReader.Read(inbound, payload, out var message);
        return message.PayloadLength;
    }

    [Benchmark]
    public int WriteMedia()
    {
        var message = writer.Media(audio);
        message.Return();
        return message.Length;
    }
}
