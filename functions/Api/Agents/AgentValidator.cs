using System.Text.RegularExpressions;
using VoiceConnector.Contracts;

namespace VoiceConnector.Functions.Api.Agents;

/// <summary>Checks an <see cref="AgentRequest"/> and turns it into the <see cref="AgentDefinition"/> the edge runs.</summary>
public static partial class AgentValidator
{
    public static AgentDefinition? Validate(string agentId, AgentRequest request, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        errors.Require(!string.IsNullOrWhiteSpace(request.Name), "name", "Required.");
        Length(errors, "name", request.Name, 100);
        Length(errors, "systemPrompt", request.SystemPrompt, 20_000);
        Length(errors, "greeting", request.Greeting, 1_000);
        Length(errors, "voice", request.Voice, 100);
        Length(errors, "model", request.Model, 200);
        var language = request.Language ?? "en-US";
        errors.Require(LanguageTag().IsMatch(language), "language", "Must be a BCP-47 language tag such as en-US.");
        var tools = request.Tools ?? [];
        foreach (var tool in tools)
        {
            errors.Require(AgentTools.All.Contains(tool), "tools", $"Unknown tool '{tool}'; known: {string.Join(", ", AgentTools.All)}.");
        }

        errors.Require(tools.Distinct(StringComparer.Ordinal).Count() == tools.Count, "tools", "Each tool may be listed once.");
        var timings = request.Timings ?? new AgentTimings();
        Range(errors, "timings.endOfTurnSilenceMs", timings.EndOfTurnSilenceMs, 100, 5_000);
        Range(errors, "timings.bargeInMinSpeechMs", timings.BargeInMinSpeechMs, 0, 2_000);
        Range(errors, "timings.idleRepromptMs", timings.IdleRepromptMs, 1_000, 120_000);
        Range(errors, "timings.maxIdleReprompts", timings.MaxIdleReprompts, 0, 10);
        Range(errors, "timings.maxCallSeconds", timings.MaxCallSeconds, 10, 14_400);
        if (errors.Any)
        {
            return null;
        }

        return new AgentDefinition
        {
            AgentId = agentId,
            Name = request.Name!.Trim(),
            SystemPrompt = request.SystemPrompt ?? "",
            Greeting = request.Greeting ?? "",
            Voice = request.Voice ?? "",
            Language = language,
            Model = request.Model ?? "",
            Tools = [.. tools],
            Timings = timings,
        };
    }

    private static void Length(ValidationErrors errors, string field, string? value, int max) =>
        errors.Require(value is null || value.Length <= max, field, $"At most {max} characters.");

    private static void Range(ValidationErrors errors, string field, int value, int min, int max) =>
        errors.Require(value >= min && value <= max, field, $"Must be between {min} and {max}.");

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();
}
