using System.Globalization;
using Pulumi;
using VoiceConnector.Infra.Model;

namespace VoiceConnector.Deploy;

/// <summary>Maps the model's <see cref="OutputRef"/>s to the Pulumi outputs of the resources created so far.</summary>
internal sealed class OutputResolver
{
    private readonly Dictionary<OutputRef, Output<string>> _outputs = [];

    public void Register(OutputRef reference, Output<string> value) => _outputs[reference] = value;

    public Output<string> Resolve(OutputRef reference) =>
        _outputs.TryGetValue(reference, out var value)
            ? value
            : throw new InvalidOperationException($"{reference.Kind} '{reference.Name}' ({reference.Property}) is not created before it is used.");

    public Output<string> Format(OutputRef reference, string format) =>
        Resolve(reference).Apply(v => string.Format(CultureInfo.InvariantCulture, format, v));

    /// <summary>The values of the edge's output-valued variables, by variable name.</summary>
    public Output<IReadOnlyDictionary<string, string>> ResolveEnv(IEnumerable<EnvVar> env)
    {
        var pairs = env.Where(e => e.Value is OutputEnvValue)
            .Select(e => (e.Name, Value: (OutputEnvValue)e.Value))
            .Select(e => Format(e.Value.Source, e.Value.Format).Apply(v => new KeyValuePair<string, string>(e.Name, v)))
            .ToList();
        return Output.All(pairs).Apply(all => (IReadOnlyDictionary<string, string>)all.ToDictionary(p => p.Key, p => p.Value));
    }
}
