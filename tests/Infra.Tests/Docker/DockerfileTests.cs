using System.Text.RegularExpressions;
using VoiceConnector.Infra.Building;
using VoiceConnector.Infra.Configuration;

namespace VoiceConnector.Infra.Tests.Docker;

/// <summary>Docker cannot run here: the Dockerfiles' key properties are checked by reading them.</summary>
public sealed partial class DockerfileTests
{
    private static readonly string Root = TestStacks.RepositoryRoot();

    private static string[] Instructions(string file)
    {
        // Join continuation lines, drop comments and blank lines.
        var text = File.ReadAllText(Path.Combine(Root, "docker", file)).Replace("\\\n", " ", StringComparison.Ordinal);
        return text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
    }

    private static string[] FinalStage(string file)
    {
        var lines = Instructions(file);
        var lastFrom = Array.FindLastIndex(lines, l => l.StartsWith("FROM ", StringComparison.Ordinal));
        return lines[lastFrom..];
    }

    [Theory]
    [InlineData("edge.Dockerfile")]
    [InlineData("functions.Dockerfile")]
    public void DotnetImages_MultiStage_SdkBuildAspnetRuntime_NonRoot(string file)
    {
        var lines = Instructions(file);
        var froms = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        var final = FinalStage(file);

        Assert.Equal(2, froms.Count);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", froms[0], StringComparison.Ordinal);
        var runtime = froms[1].Contains("${RUNTIME_IMAGE}", StringComparison.Ordinal)
            ? lines.Single(l => l.StartsWith("ARG RUNTIME_IMAGE=", StringComparison.Ordinal))["ARG RUNTIME_IMAGE=".Length..]
            : froms[1]["FROM ".Length..].Split(' ')[0];
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", runtime);
        var user = final.Last(l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..].Trim();
        Assert.DoesNotContain(user, new[] { "root", "0", "0:0" });
        Assert.DoesNotContain(final, l => l.StartsWith("RUN dotnet", StringComparison.Ordinal));
    }

    [Fact]
    public void EdgeImage_ExposesExactlyTheModelsPorts()
    {
        var edge = TestStacks.Deployment().Edge;
        var exposed = FinalStage("edge.Dockerfile").Where(l => l.StartsWith("EXPOSE ", StringComparison.Ordinal))
            .SelectMany(l => l["EXPOSE ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)).Order(StringComparer.Ordinal);

        Assert.Equal(
            new[] { $"{edge.HttpPort}/tcp", $"{edge.RtpPortMin}-{edge.RtpPortMax}/udp", $"{edge.SipPort}/tcp", $"{edge.SipPort}/udp" }.Order(StringComparer.Ordinal),
            exposed);
    }

    [Fact]
    public void FunctionsImage_ExposesTheCloudRunContainerPort()
    {
        var port = TestStacks.Deployment().Service(DeploymentNames.Functions).ContainerPort;

        Assert.Equal([$"EXPOSE {port}/tcp"], FinalStage("functions.Dockerfile").Where(l => l.StartsWith("EXPOSE ", StringComparison.Ordinal)));
    }

    [Fact]
    public void NativeEngines_InstalledInEdgeRuntimeOnly()
    {
        string[] engines = ["flite", "libflite1", "pocketsphinx-en-us", "libpocketsphinx3", "libsphinxbase3", "libwebrtc-audio-processing1"];
        var edgeInstall = string.Join(' ', FinalStage("edge.Dockerfile").Where(l => l.Contains("apt-get install", StringComparison.Ordinal)));
        var functions = string.Join('\n', Instructions("functions.Dockerfile"));

        Assert.All(engines, e => Assert.Matches($@"\s{Regex.Escape(e)}\s", edgeInstall + " "));
        Assert.DoesNotContain("apt-get", functions, StringComparison.Ordinal);
        Assert.All(engines, e => Assert.DoesNotContain(e, functions, StringComparison.Ordinal));
        var setup = File.ReadAllText(Path.Combine(Root, "scripts", "setup.sh"));
        Assert.All(engines, e => Assert.Contains(e, setup, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("edge.Dockerfile", "VoiceConnector.Edge.dll")]
    [InlineData("functions.Dockerfile", "VoiceConnector.Functions.dll")]
    public void PublishedProjectsAndCopiedPaths_Exist(string file, string entryAssembly)
    {
        var lines = Instructions(file);
        var publish = lines.Single(l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal)).Split(' ')[3];
        var project = Path.Combine(Root, publish);

        Assert.True(File.Exists(project), $"{publish} does not exist");
        Assert.Contains($"<AssemblyName>{Path.GetFileNameWithoutExtension(entryAssembly)}</AssemblyName>", File.ReadAllText(project), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains(entryAssembly, StringComparison.Ordinal) && l.StartsWith("ENTRYPOINT", StringComparison.Ordinal));
        foreach (var copy in lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal)))
        {
            var sources = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1];
            Assert.All(sources, s => Assert.True(File.Exists(Path.Combine(Root, s)) || Directory.Exists(Path.Combine(Root, s)), $"{file}: COPY source '{s}' does not exist"));
        }
    }

    [Fact]
    public void CloudBuild_BuildsEveryImageTheModelDeploysFromTheRegistry()
    {
        var cloudbuild = File.ReadAllText(Path.Combine(Root, "cloudbuild.yaml"));
        var deployment = TestStacks.Deployment();
        var images = deployment.Services.Select(s => s.Image).Append(deployment.Edge.Image)
            .Where(i => i.StartsWith(deployment.Registry.Host, StringComparison.Ordinal))
            .Select(i => ImageName().Match(i).Groups["name"].Value)
            .ToList();

        Assert.Equal(["edge", "functions", "ollama", "piper"], images.Order(StringComparer.Ordinal));
        Assert.All(images, name =>
        {
            Assert.True(File.Exists(Path.Combine(Root, "docker", $"{name}.Dockerfile")), $"docker/{name}.Dockerfile missing");
            Assert.Contains($"docker/{name}.Dockerfile", cloudbuild, StringComparison.Ordinal);
            Assert.Contains($"/{name}:${{_TAG}}", cloudbuild, StringComparison.Ordinal);
        });
        Assert.Contains("pulumi up", cloudbuild, StringComparison.Ordinal);
        Assert.Contains("${_STACK}", cloudbuild, StringComparison.Ordinal);
        Assert.Contains("voice-connector:imageTag=${_TAG}", cloudbuild, StringComparison.Ordinal);
    }

    [Fact]
    public void CloudBuild_BakesTheModelAndVoiceTheStackConfigures_WithTheSameDefaults()
    {
        var cloudbuild = File.ReadAllText(Path.Combine(Root, "cloudbuild.yaml"));
        var defaults = TestStacks.Settings();

        Assert.Contains($"sed -n 's/^ *{StackConfigKeys.OllamaModel}: *//p' Pulumi.${{_STACK}}.yaml", cloudbuild, StringComparison.Ordinal);
        Assert.Contains($"sed -n 's/^ *{StackConfigKeys.PiperVoice}: *//p' Pulumi.${{_STACK}}.yaml", cloudbuild, StringComparison.Ordinal);
        Assert.Contains($"OLLAMA_MODEL=$${{model:-{defaults.OllamaModel}}}", cloudbuild, StringComparison.Ordinal);
        Assert.Contains($"PIPER_VOICE=$${{voice:-{defaults.PiperVoice}}}", cloudbuild, StringComparison.Ordinal);
    }

    [GeneratedRegex("/(?<name>[a-z-]+):[^/]+$")]
    private static partial Regex ImageName();
}
