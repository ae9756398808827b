namespace VoiceConnector.Edge.Tests.Calls;

/// <summary>A clock the test moves by hand (timers are not driven; use only for reading the time).</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private DateTimeOffset now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
