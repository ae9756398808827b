using VoiceConnector.Infra.Configuration;

namespace VoiceConnector.Infra.Tests.Validation;

public sealed class StackConfigurationRejectionTests
{
    private static StackConfigurationException Rejected(Action<Dictionary<string, string>> change) =>
        Assert.Throws<StackConfigurationException>(() => TestStacks.Deployment(change));

    [Fact]
    public void Build_GpuServicesInRegionWithoutL4_RejectedNamingServiceAndRegions()
    {
        var error = Rejected(c => c[StackConfigKeys.GcpRegion] = "europe-west3");

        var ollama = Assert.Single(error.Errors, e => e.Contains("'ollama'", StringComparison.Ordinal));
        Assert.Contains("europe-west3", ollama, StringComparison.Ordinal);
        Assert.Contains("us-central1", ollama, StringComparison.Ordinal);
        Assert.Contains(error.Errors, e => e.Contains("'whisper'", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_InvertedRtpRange_RejectedNamingBothKeys()
    {
        var error = Rejected(c =>
        {
            c[StackConfigKeys.RtpPortMin] = "30000";
            c[StackConfigKeys.RtpPortMax] = "20000";
        });

        var message = Assert.Single(error.Errors);
        Assert.Contains(StackConfigKeys.RtpPortMin, message, StringComparison.Ordinal);
        Assert.Contains(StackConfigKeys.RtpPortMax, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("20001", "29999", "even")]
    [InlineData("80", "29999", "1024-65535")]
    [InlineData("20000", "70000", "1024-65535")]
    [InlineData("abc", "29999", "must be an integer")]
    public void Build_InvalidRtpRange_Rejected(string min, string max, string expected)
    {
        var error = Rejected(c =>
        {
            c[StackConfigKeys.RtpPortMin] = min;
            c[StackConfigKeys.RtpPortMax] = max;
        });

        Assert.Contains(error.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_SipPortInsideRtpRange_Rejected()
    {
        var error = Rejected(c => c[StackConfigKeys.SipPort] = "25000");

        Assert.Contains(error.Errors, e => e.Contains("inside the RTP range", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_MinInstancesAboveMax_Rejected()
    {
        var error = Rejected(c =>
        {
            c[StackConfigKeys.OllamaMinInstances] = "3";
            c[StackConfigKeys.OllamaMaxInstances] = "2";
        });

        var message = Assert.Single(error.Errors);
        Assert.Contains(StackConfigKeys.OllamaMaxInstances, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingSecretValue_RejectedWithTheCommandToSetIt()
    {
        var error = Rejected(c => c.Remove(StackConfigKeys.TwilioAuthToken));

        var message = Assert.Single(error.Errors);
        Assert.Equal($"Secret '{StackConfigKeys.TwilioAuthToken}' has no value (pulumi config set --secret {StackConfigKeys.TwilioAuthToken} <value>).", message);
    }

    [Fact]
    public void Load_MissingRequiredKeys_AllReportedAtOnce()
    {
        var error = Rejected(c =>
        {
            c.Remove(StackConfigKeys.GcpProject);
            c.Remove(StackConfigKeys.Domain);
            c.Remove(StackConfigKeys.SipTrunkSourceRanges);
        });

        Assert.Equal(3, error.Errors.Count);
        Assert.Contains(StackConfigKeys.GcpProject, error.Message, StringComparison.Ordinal);
        Assert.Contains(StackConfigKeys.Domain, error.Message, StringComparison.Ordinal);
        Assert.Contains(StackConfigKeys.SipTrunkSourceRanges, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.0.0.0", "not a CIDR")]
    [InlineData("300.1.1.0/24", "not a CIDR")]
    public void Build_BadTrunkRange_Rejected(string range, string expected)
    {
        var error = Rejected(c => c[StackConfigKeys.SipTrunkSourceRanges] = range);

        Assert.Contains(error.Errors, e => e.Contains(expected, StringComparison.Ordinal) && e.Contains(range, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(StackConfigKeys.Domain, "not a domain")]
    [InlineData(StackConfigKeys.GcpProject, "Bad_Project")]
    [InlineData(StackConfigKeys.EdgeInstances, "0")]
    [InlineData(StackConfigKeys.WhisperGpu, "maybe")]
    public void Build_BadValue_RejectedNamingTheKey(string key, string value)
    {
        var error = Rejected(c => c[key] = value);

        Assert.Contains(error.Errors, e => e.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_CpuOnlyWhisperInRegionWithoutL4_StillRejectedForOllama()
    {
        var error = Rejected(c =>
        {
            c[StackConfigKeys.GcpRegion] = "europe-west3";
            c[StackConfigKeys.WhisperGpu] = "false";
        });

        Assert.Single(error.Errors);
        Assert.Contains("'ollama'", error.Errors[0], StringComparison.Ordinal);
    }
}
