using System.Text.Json;
using Microsoft.Extensions.Options;
using VoiceConnector.Contracts;

namespace VoiceConnector.Edge.Calls;

/// <summary>
/// Agents from a local JSON file (<c>Agents:File</c>): an object mapping called numbers (or SIP user parts) to
/// <see cref="AgentDefinition"/>s in the web (camelCase) JSON of the contracts; the key <c>"*"</c>, if present,
/// answers any other number. Read once; a file that does not parse fails the start-up validation (see AddEdgeConversation).
/// </summary>
public sealed class FileAgentResolver : IAgentResolver
{
    /// <summary>The key that matches any number without its own entry.</summary>
    public const string AnyNumber = "*";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, AgentDefinition> agents;

    public FileAgentResolver(IOptions<FileAgentResolverOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Keys are read the way the called number of a SIP call is (a digit user part as E.164: "1000" is "+1000").
        agents = Load(options.Value.File).ToDictionary(
            entry => entry.Key == AnyNumber ? AnyNumber : CalledNumber.FromSipUser(entry.Key),
            entry => entry.Value,
            StringComparer.Ordinal);
    }

    /// <summary>Reads a number-to-agent file; throws <see cref="InvalidOperationException"/> with the reason when it cannot.</summary>
    public static Dictionary<string, AgentDefinition> Load(string path)
    {
        try
        {
            using var stream = System.IO.File.OpenRead(path);
            return JsonSerializer.Deserialize<Dictionary<string, AgentDefinition>>(stream, Json)
                ?? throw new InvalidDataException("the file holds null");
        }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InvalidOperationException($"Agents:File '{path}' could not be read as a number-to-agent map: {ex.Message}", ex);
        }
    }

    /// <summary>True when <paramref name="path"/> is a readable number-to-agent file (start-up validation).</summary>
    public static bool IsValidFile(string path)
    {
        try
        {
            Load(path);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public IReadOnlyCollection<string> Numbers => agents.Keys;

    public ValueTask<AgentLookup?> ResolveAsync(CallDescription call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var number = call.To;
        if (agents.TryGetValue(number, out var agent) || agents.TryGetValue(AnyNumber, out agent))
        {
            return ValueTask.FromResult<AgentLookup?>(new AgentLookup(number, "local", agent));
        }

        return ValueTask.FromResult<AgentLookup?>(null);
    }
}
