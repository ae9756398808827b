using VoiceConnector.Infra.Building;
using VoiceConnector.Infra.Model;
using VoiceConnector.Infra.Validation;

namespace VoiceConnector.Infra.Tests.Validation;

public sealed class DeploymentValidatorTests
{
    private static readonly Deployment Valid = DeploymentBuilder.Assemble(TestStacks.Settings());

    [Fact]
    public void Validate_BuiltDeployment_HasNoErrors()
    {
        Assert.Empty(DeploymentValidator.Validate(Valid));
    }

    [Fact]
    public void Validate_EdgeEnvRtpRangeDiffersFromFirewall_Rejected()
    {
        var env = Valid.Edge.Env.Select(e => e.Name == "Rtp__PortMax" ? EnvVar.Literal(e.Name, "30999") : e).ToList();
        var broken = Valid with { Edge = Valid.Edge with { Env = env } };

        var error = Assert.Single(DeploymentValidator.Validate(broken));
        Assert.Contains("Rtp__PortMax", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FirewallOpensExtraPublicPort_Rejected()
    {
        var ssh = new FirewallRuleSpec("ssh", [new("tcp", ["22"])], ["0.0.0.0/0"], DeploymentNames.EdgeNetworkTag, false);
        var broken = Valid with { Firewalls = [.. Valid.Firewalls, ssh] };

        var error = Assert.Single(DeploymentValidator.Validate(broken));
        Assert.Contains("tcp:22", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EnvReferencesUndefinedSecret_Rejected()
    {
        var functions = Valid.Service(DeploymentNames.Functions);
        var changed = functions with { Env = [.. functions.Env, EnvVar.Secret("Extra__Key", "not-defined")] };
        var broken = Valid with { Services = Valid.Services.Select(s => s.Name == functions.Name ? changed : s).ToList() };

        var error = Assert.Single(DeploymentValidator.Validate(broken));
        Assert.Contains("'not-defined', which is not defined", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SecretReadWithoutGrant_Rejected()
    {
        var broken = Valid with { SecretAccess = Valid.SecretAccess.Where(g => g.ServiceAccount != DeploymentNames.EdgeAccount).ToList() };

        var errors = DeploymentValidator.Validate(broken);

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Contains("'vc-edge' is not granted", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ProbeOnWrongPort_Rejected()
    {
        var piper = Valid.Service(DeploymentNames.Piper);
        var changed = piper with { LivenessProbe = piper.LivenessProbe with { Port = 9999 } };
        var broken = Valid with { Services = Valid.Services.Select(s => s.Name == piper.Name ? changed : s).ToList() };

        var error = Assert.Single(DeploymentValidator.Validate(broken));
        Assert.Contains("port 9999", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OutputReferencesMissingResource_Rejected()
    {
        var output = new OutputSpec("ghost", [OutputRef.StaticAddress("edge-ip-9")], "{0}", false, "none");
        var broken = Valid with { Outputs = [.. Valid.Outputs, output] };

        var error = Assert.Single(DeploymentValidator.Validate(broken));
        Assert.Contains("edge-ip-9", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TcpLivenessProbe_Rejected()
    {
        var whisper = Valid.Service(DeploymentNames.Whisper);
        var changed = whisper with { LivenessProbe = whisper.LivenessProbe with { HttpPath = null } };
        var broken = Valid with { Services = Valid.Services.Select(s => s.Name == whisper.Name ? changed : s).ToList() };

        var error = Assert.Single(DeploymentValidator.Validate(broken));
        Assert.Contains("liveness probe must be an HTTP GET", error, StringComparison.Ordinal);
    }
}
