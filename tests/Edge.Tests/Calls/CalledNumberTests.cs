using VoiceConnector.Edge.Calls;

namespace VoiceConnector.Edge.Tests.Calls;

public sealed class CalledNumberTests
{
    [Theory]
    [InlineData("+14155550100", "+14155550100")]
    [InlineData("14155550100", "+14155550100")]
    [InlineData("1000", "+1000")]
    [InlineData("+1 (415) 555-0100", "+14155550100")]
    [InlineData("04155550100", "04155550100")]
    [InlineData("service", "service")]
    [InlineData("1234567890123456", "1234567890123456")]
    [InlineData("", "")]
    public void FromSipUser_DialledUserPart_E164WherePossible(string user, string expected) =>
        Assert.Equal(expected, CalledNumber.FromSipUser(user));

    [Theory]
    [InlineData("+1000", true)]
    [InlineData("+14155550100", true)]
    [InlineData("+0415", false)]
    [InlineData("1000", false)]
    [InlineData("+1", false)]
    [InlineData("+1234567890123456", false)]
    public void IsE164_Number_Recognised(string number, bool expected) =>
        Assert.Equal(expected, CalledNumber.IsE164(number));
}
