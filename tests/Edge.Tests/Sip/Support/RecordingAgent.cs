using System.Collections.Concurrent;
using System.Text;
using VoiceConnector.Edge.Calls;

namespace VoiceConnector.Edge.Tests.Sip.Support;

/// <summary>A test agent: echoes the caller like <see cref="EchoAgent"/> and records the DTMF digits and audio frames of every call.</summary>
internal sealed class RecordingAgent : ICallAgent
{
    private readonly EchoAgent echo = new();

    public ConcurrentDictionary<string, StringBuilder> Digits { get; } = new();

    public ConcurrentDictionary<string, CallDescription> Calls { get; } = new();

    public async Task RunAsync(ICallMedia call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        Calls[call.Description.CallId] = call.Description;
        var digits = Digits.GetOrAdd(call.Description.CallId, _ => new StringBuilder());
        var dtmf = Task.Run(async () =>
        {
            try
            {
                await foreach (var digit in call.CallerDtmf.ReadAllAsync(cancellationToken))
                {
                    lock (digits)
                    {
                        digits.Append(digit.Digit);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Call over.
            }
        }, CancellationToken.None);
        await echo.RunAsync(call, cancellationToken);
        await dtmf;
    }

    public string DigitsOf(string callId)
    {
        var digits = Digits.GetOrAdd(callId, _ => new StringBuilder());
        lock (digits)
        {
            return digits.ToString();
        }
    }
}
