using System.Diagnostics.Metrics;

namespace VoiceConnector.Functions.Observability;

/// <summary>Counters of the functions app on the <c>VoiceConnector.Functions</c> meter.</summary>
public sealed class FunctionsMetrics
{
    public const string MeterName = "VoiceConnector.Functions";

    private readonly Counter<long> voiceAnswers;
    private readonly Counter<long> statusCallbacks;
    private readonly Counter<long> rejectedWebhooks;
    private readonly Counter<long> callRecords;

    public FunctionsMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        voiceAnswers = meter.CreateCounter<long>("functions.twilio.voice.answers", description: "Voice webhooks answered, by TwiML kind");
        statusCallbacks = meter.CreateCounter<long>("functions.twilio.status.callbacks", description: "Call status callbacks stored");
        rejectedWebhooks = meter.CreateCounter<long>("functions.twilio.webhooks.rejected", description: "Webhooks refused for a bad signature");
        callRecords = meter.CreateCounter<long>("functions.edge.call_records", description: "Call records received from the edge, by result");
    }

    public void VoiceAnswered(string kind) => voiceAnswers.Add(1, new KeyValuePair<string, object?>("answer", kind));

    public void StatusCallbackStored() => statusCallbacks.Add(1);

    public void WebhookRejected() => rejectedWebhooks.Add(1);

    public void CallRecordReceived(bool stored) =>
        callRecords.Add(1, new KeyValuePair<string, object?>("result", stored ? "stored" : "duplicate"));
}
