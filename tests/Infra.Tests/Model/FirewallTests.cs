using VoiceConnector.Infra.Building;
using VoiceConnector.Infra.Configuration;
using VoiceConnector.Infra.Model;

namespace VoiceConnector.Infra.Tests.Model;

public sealed class FirewallTests
{
    private static string[] PublicOpenings(Deployment deployment) =>
        deployment.Firewalls.Where(f => !f.LoadBalancerOnly)
            .SelectMany(f => f.Allows.SelectMany(a => a.Ports.Select(p => $"{a.Protocol}:{p}")))
            .Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Firewall_DefaultStack_OpensExactlySipAndRtpToThePublic()
    {
        var deployment = TestStacks.Deployment();

        Assert.Equal(["tcp:5060", "udp:20000-29999", "udp:5060"], PublicOpenings(deployment));
    }

    [Fact]
    public void Firewall_CustomPorts_FollowTheEdgeConfiguration()
    {
        var deployment = TestStacks.Deployment(c =>
        {
            c[StackConfigKeys.SipPort] = "5080";
            c[StackConfigKeys.RtpPortMin] = "40000";
            c[StackConfigKeys.RtpPortMax] = "40999";
        });

        Assert.Equal(["tcp:5080", "udp:40000-40999", "udp:5080"], PublicOpenings(deployment));
        var env = deployment.Edge.Env.Where(e => e.Value is LiteralEnvValue).ToDictionary(e => e.Name, e => ((LiteralEnvValue)e.Value).Value);
        Assert.Equal("5080", env["Sip__Port"]);
        Assert.Equal("40000", env["Rtp__PortMin"]);
        Assert.Equal("40999", env["Rtp__PortMax"]);
    }

    [Fact]
    public void Firewall_SipFromTrunkRangesOnly_AndEdgeAllowsTheSameNetworks()
    {
        var deployment = TestStacks.Deployment();
        var sip = Assert.Single(deployment.Firewalls, f => f.Allows.Any(a => a.Ports.Contains("5060")));

        Assert.Equal(["54.172.60.0/30", "54.244.51.0/30"], sip.SourceRanges);
        var allowed = deployment.Edge.Env.Where(e => e.Name.StartsWith("Sip__AllowedNetworks__", StringComparison.Ordinal))
            .Select(e => ((LiteralEnvValue)e.Value).Value);
        Assert.Equal(sip.SourceRanges, allowed);
    }

    [Fact]
    public void Firewall_HttpPortOnlyFromGoogleLoadBalancerRanges()
    {
        var deployment = TestStacks.Deployment();
        var lb = Assert.Single(deployment.Firewalls, f => f.LoadBalancerOnly);

        Assert.Equal(DeploymentNames.GoogleLoadBalancerRanges, lb.SourceRanges);
        var allow = Assert.Single(lb.Allows);
        Assert.Equal(("tcp", "8080"), (allow.Protocol, Assert.Single(allow.Ports)));
        Assert.All(deployment.Firewalls, f => Assert.Equal(deployment.Edge.NetworkTag, f.TargetTag));
    }
}
