using System.Collections.Immutable;
using Pulumi;
using VoiceConnector.Deploy.Components;
using VoiceConnector.Infra.Building;
using Model = VoiceConnector.Infra.Model;

namespace VoiceConnector.Deploy;

/// <summary>
/// Builds the model from the stack configuration (which validates it) and hands each concern to its component, in
/// dependency order. Every resource, name and setting comes from the model.
/// </summary>
internal sealed class VoiceConnectorStack
{
    public VoiceConnectorStack()
    {
        var model = DeploymentBuilder.Build(StackConfig.LoadSettings());
        var resolver = new OutputResolver();
        var project = Pulumi.Gcp.Organizations.GetProject.Invoke();
        resolver.Register(Model.OutputRef.ProjectNumber, project.Apply(p => p.Number));

        var identity = new IdentityComponent(model);
        var registry = new RegistryComponent(model, identity);
        var network = new NetworkComponent(model);
        var database = new DatabaseComponent(model, network);
        var secrets = new SecretsComponent(model, identity, database);
        var edgeAddresses = new EdgeAddressesComponent(model, resolver);
        var ai = new AiServicesComponent(model, identity, secrets, network, resolver);
        var functions = new FunctionsComponent(model, identity, secrets, network, resolver);
        var edge = new EdgeComponent(model, identity, secrets, network, edgeAddresses, resolver, registry, [ai, functions]);
        _ = new LoadBalancerComponent(model, edge, resolver);

        var outputs = ImmutableDictionary.CreateBuilder<string, object?>();
        foreach (var output in model.Outputs)
        {
            var values = output.Sources.Select(s => resolver.Format(s, output.Format)).ToList();
            if (output.IsList)
            {
                outputs[output.Name] = Output.All(values);
            }
            else
            {
                outputs[output.Name] = values.Count == 1 ? values[0] : Output.Create(output.Format);
            }
        }

        Outputs = outputs.ToImmutable();
    }

    public IDictionary<string, object?> Outputs { get; }
}
