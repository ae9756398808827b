using VoiceConnector.Edge.Twilio;

namespace VoiceConnector.Edge.Tests.Twilio;

public sealed class TwilioOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new TwilioOptionsValidator().Validate(null, new TwilioOptions()).Succeeded);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(1.01)]
    public void Validate_MaxPacingLoadOutsideTheTick_Fails(double load)
    {
        var result = new TwilioOptionsValidator().Validate(null, new TwilioOptions { MaxPacingLoad = load });
        Assert.True(result.Failed);
        Assert.Contains("Twilio:MaxPacingLoad", result.FailureMessage, StringComparison.Ordinal);
    }
}
