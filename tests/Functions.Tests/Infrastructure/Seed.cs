using VoiceConnector.Contracts;
using VoiceConnector.Functions.Storage;

namespace VoiceConnector.Functions.Tests.Infrastructure;

/// <summary>Stores test data straight through the stores (for tests about what reads it).</summary>
public static class Seed
{
    public static async Task<StoredAgent> AgentAsync(FunctionsApp app, string tenantId, string name = "Front desk")
    {
        ArgumentNullException.ThrowIfNull(app);
        var definition = new AgentDefinition { AgentId = Ids.New("agt"), Name = name, Greeting = "Hello from " + name, Tools = [AgentTools.HangUp] };
        return await app.Service<AgentStore>().InsertAsync(tenantId, definition, CancellationToken.None);
    }

    public static async Task<StoredNumber> NumberAsync(FunctionsApp app, string tenantId, string phoneNumber, string? agentId, string kind = NumberKinds.Twilio, string routing = NumberRoutings.Stream)
    {
        ArgumentNullException.ThrowIfNull(app);
        var number = new StoredNumber(
            Ids.New("num"), tenantId, phoneNumber, agentId, kind, routing, kind == NumberKinds.Twilio ? "PN" + Guid.NewGuid().ToString("N") : null, DateTimeOffset.UtcNow);
        Assert.True(await app.Service<NumberStore>().TryInsertAsync(number, CancellationToken.None));
        return number;
    }

    public static CallRecord CallRecord(string callId, string to, string? twilioCallSid = null)
    {
        var start = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
        return new CallRecord
        {
            CallId = callId,
            TwilioCallSid = twilioCallSid,
            Transport = twilioCallSid is null ? "sip" : "twilio",
            From = "+16175551212",
            To = to,
            Codec = "G722",
            StartedAt = start,
            AnsweredAt = start.AddSeconds(1),
            EndedAt = start.AddSeconds(42),
            Outcome = CallOutcomes.Completed,
            HangupCause = "caller-bye",
            Turns =
            [
                new TranscriptTurn(TurnRoles.Agent, "Hello, Acme here.", start.AddSeconds(1)),
                new TranscriptTurn(TurnRoles.Caller, "I need an appointment.", start.AddSeconds(3)),
                new TranscriptTurn(
                    TurnRoles.Agent,
                    "Sure, which day",
                    start.AddSeconds(5),
                    Interrupted: true,
                    Timings: new TurnTimings { EndOfSpeechAt = start.AddSeconds(4), TranscriptMs = 180, FirstTokenMs = 420, FirstSentenceMs = 610, FirstTtsAudioMs = 700, FirstAudioSentMs = 720 }),
            ],
        };
    }
}
