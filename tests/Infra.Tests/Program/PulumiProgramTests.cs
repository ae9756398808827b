using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace VoiceConnector.Infra.Tests.Program;

/// <summary>
/// The Pulumi program cannot be compiled here (Pulumi does not restore), so it is checked as source: it parses, it
/// creates exactly the kinds of resource the model describes, and every resource's name comes from the model.
/// </summary>
public sealed class PulumiProgramTests
{
    private static readonly string ProgramDirectory = Path.Combine(TestStacks.RepositoryRoot(), "pulumi");

    private static List<SyntaxTree> Sources() =>
        Directory.EnumerateFiles(ProgramDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), new CSharpParseOptions(LanguageVersion.Latest), p))
            .ToList();

    /// <summary><c>new Gcp.Namespace.Type(name, args, options)</c>: a Pulumi.Gcp resource construction.</summary>
    private static List<ObjectCreationExpressionSyntax> ResourceCreations() =>
        Sources().SelectMany(t => t.GetRoot().DescendantNodes().OfType<ObjectCreationExpressionSyntax>())
            .Where(c => c.Type.ToString().StartsWith("Gcp.", StringComparison.Ordinal) && !c.Type.ToString().EndsWith("Args", StringComparison.Ordinal))
            .ToList();

    [Fact]
    public void Sources_ParseWithoutErrors()
    {
        var trees = Sources();

        Assert.True(trees.Count >= 10, $"only {trees.Count} source files under pulumi/");
        var errors = trees.SelectMany(t => t.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void ResourceKinds_ProgramCreatesExactlyTheKindsTheModelDescribes()
    {
        var modelKinds = TestStacks.Deployment().Resources().Select(r => r.Kind).ToHashSet(StringComparer.Ordinal);
        var programKinds = ResourceCreations().Select(c => c.Type.ToString()["Gcp.".Length..]).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(modelKinds.Except(programKinds).Order(StringComparer.Ordinal));
        Assert.Empty(programKinds.Except(modelKinds).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ResourceNames_ComeFromTheModel_NeverLiterals()
    {
        var creations = ResourceCreations();

        Assert.NotEmpty(creations);
        Assert.All(creations, c =>
        {
            var arguments = c.ArgumentList?.Arguments ?? default;
            Assert.True(arguments.Count >= 2, $"{c.Type}: expected (name, args, options)");
            Assert.IsNotType<LiteralExpressionSyntax>(arguments[0].Expression);
            Assert.IsNotType<InterpolatedStringExpressionSyntax>(arguments[0].Expression);
        });
    }

    [Fact]
    public void Resources_AreCreatedOnlyThroughTheGcpAlias()
    {
        var trees = Sources();
        var usings = trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<UsingDirectiveSyntax>()).ToList();

        // No "using Pulumi.Gcp.Compute;" that would let "new Firewall(...)" escape the check above.
        Assert.DoesNotContain(usings, u => u.Alias is null && u.NamespaceOrType.ToString().StartsWith("Pulumi.Gcp", StringComparison.Ordinal));
        Assert.All(
            usings.Where(u => u.Alias is not null && u.NamespaceOrType.ToString().StartsWith("Pulumi.Gcp.", StringComparison.Ordinal)),
            u => Assert.EndsWith(".Inputs", u.NamespaceOrType.ToString(), StringComparison.Ordinal));
        var qualified = trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<ObjectCreationExpressionSyntax>())
            .Where(c => c.Type.ToString().Contains("Pulumi.Gcp", StringComparison.Ordinal));
        Assert.Empty(qualified);
    }

    [Fact]
    public void Components_OnePerConcern()
    {
        var components = Sources().SelectMany(t => t.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            .Where(c => c.BaseList?.Types.Any(b => b.Type.ToString() == "ComponentResource") == true)
            .Select(c => c.Identifier.Text)
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            ["AiServicesComponent", "DatabaseComponent", "EdgeAddressesComponent", "EdgeComponent", "FunctionsComponent", "IdentityComponent", "LoadBalancerComponent", "NetworkComponent", "RegistryComponent", "SecretsComponent"],
            components);
    }

    [Fact]
    public void Project_PulumiYamlPointsAtProgram_WhichStaysOutOfTheSolution()
    {
        var root = TestStacks.RepositoryRoot();
        var pulumiYaml = File.ReadAllLines(Path.Combine(root, "Pulumi.yaml"));
        var project = File.ReadAllText(Path.Combine(ProgramDirectory, "Deploy.csproj"));
        var packages = File.ReadAllText(Path.Combine(root, "Directory.Packages.props"));

        Assert.Contains("name: voice-connector", pulumiYaml);
        Assert.Contains("runtime: dotnet", pulumiYaml);
        Assert.Contains("main: pulumi/", pulumiYaml);
        Assert.Contains(@"..\infra\Infra.csproj", project, StringComparison.Ordinal);
        Assert.Contains("<PackageReference Include=\"Pulumi.Gcp\" />", project, StringComparison.Ordinal);
        Assert.Contains("<PackageVersion Include=\"Pulumi.Gcp\"", packages, StringComparison.Ordinal);
        Assert.DoesNotContain("Deploy.csproj", File.ReadAllText(Path.Combine(root, "Serverless.sln")), StringComparison.Ordinal);
    }
}
