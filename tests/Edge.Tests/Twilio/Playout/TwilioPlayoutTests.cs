namespace VoiceConnector.Edge.Tests.Twilio.Playout;

/// <summary>
/// <see cref="VoiceConnector.Edge.Twilio.TwilioPlayout"/> against a simulated Twilio: pacing by the shared clock with
/// marks echoed as late as a real network returns them.
/// </summary>
public sealed class TwilioPlayoutTests
{
    private const int LeadFrames = 3; // TwilioOptions.PlayoutLeadMs default, 60 ms
    private const int DriftSlackFrames = 5;

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(10)]
    public async Task OnMarkEchoed_EchoesLateByTheirTrip_TwilioKeepsTheLeadAndNeverRunsDry(int echoDelayTicks)
    {
        await using var line = new SimulatedTwilioLine(echoDelayTicks);
        await line.SpeakAsync(150);

        for (var i = 0; i < 200; i++)
        {
            await line.TickAsync();
        }

        Assert.Equal(0, line.Underruns);
        Assert.InRange(line.LowestBuffered, LeadFrames - 1, LeadFrames);
        Assert.InRange(line.FramesPlayed, 149, 151);
        Assert.Equal(line.Playout.QueuedPosition, line.Playout.PlayedPosition);
    }

    [Fact]
    public async Task OnMarkEchoed_TwilioStalledAndHoldsMoreThanCounted_SendingPausesUntilItHasPlayedTheExcess()
    {
        await using var line = new SimulatedTwilioLine(echoDelayTicks: 7);
        await line.SpeakAsync(400);
        for (var i = 0; i < 60; i++)
        {
            await line.TickAsync();
        }

        line.Stalled = true;
        for (var i = 0; i < 12; i++)
        {
            await line.TickAsync();
        }

        line.Stalled = false;
        var piledUp = line.Buffered;
        for (var i = 0; i < 100; i++)
        {
            await line.TickAsync();
        }

        Assert.True(piledUp >= LeadFrames + 10, $"the stall piled up {piledUp} frames at Twilio");
        Assert.InRange(line.Buffered, 1, LeadFrames + DriftSlackFrames + 1);
        Assert.Equal(0, line.Underruns);
    }

    [Fact]
    public async Task OnMarkEchoed_EchoesHeldUpASecondThenInABurst_SendingGoesOnAndTwilioNeverRunsDry()
    {
        await using var line = new SimulatedTwilioLine(echoDelayTicks: 7);
        await line.SpeakAsync(400);
        for (var i = 0; i < 60; i++)
        {
            await line.TickAsync();
        }

        line.EchoesHeld = true;
        for (var i = 0; i < 50; i++)
        {
            await line.TickAsync();
        }

        line.EchoesHeld = false;
        for (var i = 0; i < 100; i++)
        {
            await line.TickAsync();
        }

        // Twilio played on time throughout: the late echoes told of the past, not of audio it still held.
        Assert.Equal(0, line.Underruns);
        Assert.InRange(line.LowestBuffered, LeadFrames - 1, LeadFrames);
        Assert.InRange(line.FramesPlayed, 205, 210);
    }

    [Fact]
    public async Task Clear_TwiceInARow_OneClearReachesTwilio()
    {
        await using var line = new SimulatedTwilioLine(echoDelayTicks: 7);
        await line.SpeakAsync(50);
        for (var i = 0; i < 10; i++)
        {
            await line.TickAsync();
        }

        await line.ClearAsync();
        await line.ClearAsync(); // barge-in is noticed by more than one part of the conversation

        Assert.Equal(1, line.Clears);
    }

    [Fact]
    public async Task Clear_NothingSentYet_NoClear()
    {
        await using var line = new SimulatedTwilioLine(echoDelayTicks: 7);

        await line.ClearAsync();

        Assert.Equal(0, line.Clears);
    }

    [Fact]
    public async Task Clear_AudioSentAgainAfterAClear_ClearsAgain()
    {
        await using var line = new SimulatedTwilioLine(echoDelayTicks: 7);
        await line.SpeakAsync(20);
        await line.TickAsync();
        await line.ClearAsync();
        await line.SpeakAsync(20);
        await line.TickAsync();

        await line.ClearAsync();

        Assert.Equal(2, line.Clears);
    }
}
