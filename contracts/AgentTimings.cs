namespace VoiceConnector.Contracts;

/// <summary>Turn-taking settings of an agent. All durations in milliseconds unless named otherwise.</summary>
public sealed record AgentTimings
{
    /// <summary>Silence after caller speech that ends the caller's turn.</summary>
    public int EndOfTurnSilenceMs { get; init; } = 500;
    /// <summary>Caller speech during playout must last this long before it interrupts the agent.</summary>
    public int BargeInMinSpeechMs { get; init; } = 250;
    /// <summary>Silence after the agent finished speaking before it re-prompts the caller.</summary>
    public int IdleRepromptMs { get; init; } = 8_000;
    /// <summary>Re-prompts without an answer before the agent says goodbye and hangs up.</summary>
    public int MaxIdleReprompts { get; init; } = 2;
    /// <summary>Hard limit on the length of a call.</summary>
    public int MaxCallSeconds { get; init; } = 1_800;
}
