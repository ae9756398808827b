using VoiceConnector.Infra.Building;
using VoiceConnector.Infra.Model;

namespace VoiceConnector.Infra.Tests.Model;

public sealed class SecretAccessTests
{
    private static readonly Deployment Deployment = TestStacks.Deployment();

    private static string[] Readers(string secret) =>
        Deployment.SecretAccess.Where(g => g.SecretId == secret).Select(g => g.ServiceAccount).Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData(DeploymentNames.TwilioAccountSidSecret, new[] { DeploymentNames.FunctionsAccount })]
    [InlineData(DeploymentNames.TwilioAuthTokenSecret, new[] { DeploymentNames.EdgeAccount, DeploymentNames.FunctionsAccount })]
    [InlineData(DeploymentNames.EdgeFunctionsKeySecret, new[] { DeploymentNames.EdgeAccount, DeploymentNames.FunctionsAccount })]
    [InlineData(DeploymentNames.ApiKeysPepperSecret, new[] { DeploymentNames.FunctionsAccount })]
    [InlineData(DeploymentNames.StorageConnectionStringSecret, new[] { DeploymentNames.FunctionsAccount })]
    [InlineData(DeploymentNames.DatabasePasswordSecret, new string[0])]
    public void SecretAccess_EachSecret_ReadableOnlyByAccountsThatNeedIt(string secret, string[] expected)
    {
        Assert.Equal(expected, Readers(secret));
    }

    [Fact]
    public void Secrets_EveryReferencedSecret_IsDefinedAndGrantedToTheReader()
    {
        var defined = Deployment.Secrets.Select(s => s.Id).ToHashSet();
        var workloads = Deployment.Services.Select(s => (s.ServiceAccount, s.Env)).Append((Deployment.Edge.ServiceAccount, Deployment.Edge.Env));
        var references = workloads.SelectMany(w => w.Env.Select(e => e.Value).OfType<SecretEnvValue>().Select(v => (v.SecretId, w.ServiceAccount))).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r =>
        {
            Assert.Contains(r.SecretId, defined);
            Assert.Contains(new SecretAccessGrant(r.SecretId, r.ServiceAccount), Deployment.SecretAccess);
        });
        Assert.Equal(references.Distinct().Count(), Deployment.SecretAccess.Count);
    }

    [Fact]
    public void AiServices_ReadNoSecretsAndHoldNoRoles()
    {
        string[] ai = [DeploymentNames.WhisperAccount, DeploymentNames.OllamaAccount, DeploymentNames.PiperAccount];

        Assert.DoesNotContain(Deployment.SecretAccess, g => ai.Contains(g.ServiceAccount));
        Assert.DoesNotContain(Deployment.ProjectRoles, g => ai.Contains(g.ServiceAccount));
        Assert.DoesNotContain(Deployment.RegistryReaders, g => ai.Contains(g.ServiceAccount));
        Assert.DoesNotContain(Deployment.Invokers, g => g.ServiceAccount is not null && ai.Contains(g.ServiceAccount));
    }

    [Fact]
    public void Edge_MayInvokeExactlyTheThreeAiServices_FunctionsIsPublicForTwilio()
    {
        var edgeInvokes = Deployment.Invokers.Where(g => g.ServiceAccount == DeploymentNames.EdgeAccount).Select(g => g.Service).Order(StringComparer.Ordinal);

        Assert.Equal([DeploymentNames.Ollama, DeploymentNames.Piper, DeploymentNames.Whisper], edgeInvokes);
        var publicService = Assert.Single(Deployment.Invokers, g => g.IsPublic);
        Assert.Equal(DeploymentNames.Functions, publicService.Service);
        Assert.Equal(4, Deployment.Invokers.Count);
    }

    [Fact]
    public void ProjectRoles_OnlyFunctionsIsCloudSqlClient()
    {
        var role = Assert.Single(Deployment.ProjectRoles);
        Assert.Equal(new ProjectRoleGrant(DeploymentNames.FunctionsAccount, "roles/cloudsql.client"), role);
        Assert.Equal([new RegistryReadGrant(DeploymentNames.EdgeAccount)], Deployment.RegistryReaders);
    }

    [Fact]
    public void Secrets_ConfigBacked_UseSecretConfigKeys()
    {
        Assert.All(Deployment.Secrets, s => Assert.True(s.DatabaseConnectionString ^ s.ConfigKey is not null));
        Assert.Single(Deployment.Secrets, s => s.DatabaseConnectionString);
    }
}
