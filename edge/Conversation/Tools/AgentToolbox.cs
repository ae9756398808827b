using System.Text.Json;
using Microsoft.Extensions.AI;
using VoiceConnector.Contracts;
using VoiceConnector.Edge.Calls;

namespace VoiceConnector.Edge.Conversation.Tools;

/// <summary>
/// The tools an agent allows (<see cref="AgentTools"/>): their declarations for the model, and their execution
/// through the call-media seam. Tools the agent does not allow are neither declared nor executed.
/// </summary>
internal sealed class AgentToolbox
{
    private readonly HashSet<string> allowed;

    public AgentToolbox(IEnumerable<string> allowedTools)
    {
        allowed = new HashSet<string>(allowedTools.Where(t => AgentTools.All.Contains(t)), StringComparer.Ordinal);
        var declarations = new List<AITool>();
        if (allowed.Contains(AgentTools.HangUp))
        {
            declarations.Add(Declare(AgentTools.HangUp, "End the call. Say goodbye first.", """{"type":"object","properties":{}}"""));
        }

        if (allowed.Contains(AgentTools.Transfer))
        {
            declarations.Add(Declare(
                AgentTools.Transfer,
                "Transfer the caller to a phone number (E.164) or SIP URI. Tell the caller first.",
                """{"type":"object","properties":{"target":{"type":"string","description":"E.164 number or SIP URI"}},"required":["target"]}"""));
        }

        if (allowed.Contains(AgentTools.SendDtmf))
        {
            declarations.Add(Declare(
                AgentTools.SendDtmf,
                "Send DTMF key presses on the call (digits 0-9, *, #, A-D).",
                """{"type":"object","properties":{"digits":{"type":"string"}},"required":["digits"]}"""));
        }

        Declarations = declarations;
    }

    /// <summary>Declarations to put in <see cref="ChatOptions.Tools"/>; empty when the agent allows no tools.</summary>
    public IReadOnlyList<AITool> Declarations { get; }

    /// <summary>Checks a call: what it will do. Disallowed or malformed calls get an error result and no effect.</summary>
    public ToolDecision Decide(FunctionCallContent call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!allowed.Contains(call.Name))
        {
            return new ToolDecision(call, ToolEffect.None, "", $"error: tool '{call.Name}' is not available");
        }

        switch (call.Name)
        {
            case AgentTools.HangUp:
                return new ToolDecision(call, ToolEffect.HangUp, "", "ok: the call will end");
            case AgentTools.Transfer:
                var target = Argument(call, "target");
                return target.Length == 0
                    ? new ToolDecision(call, ToolEffect.None, "", "error: target is required")
                    : new ToolDecision(call, ToolEffect.Transfer, target, "ok: transferring");
            default:
                var digits = Argument(call, "digits");
                return digits.Length == 0 || !digits.All(DtmfDigit.IsValid)
                    ? new ToolDecision(call, ToolEffect.None, "", "error: digits must be 0-9, *, #, A-D")
                    : new ToolDecision(call, ToolEffect.None, digits, "ok: digits sent");
        }
    }

    /// <summary>Executes a decision with no end-of-call effect (send_dtmf); hang-up and transfer are run by the conversation.</summary>
    public static async Task<string> ExecuteAsync(ToolDecision decision, ICallMedia call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(call);
        if (decision.Call.Name == AgentTools.SendDtmf && decision.Argument.Length > 0)
        {
            foreach (var digit in decision.Argument)
            {
                await call.SendDtmfAsync(digit, cancellationToken).ConfigureAwait(false);
            }
        }

        return decision.Result;
    }

    private static AIFunctionDeclaration Declare(string name, string description, string schema)
    {
        using var document = JsonDocument.Parse(schema);
        return AIFunctionFactory.CreateDeclaration(name, description, document.RootElement.Clone());
    }

    private static string Argument(FunctionCallContent call, string name)
    {
        if (call.Arguments is null || !call.Arguments.TryGetValue(name, out var value) || value is null)
        {
            return "";
        }

        return (value is JsonElement { ValueKind: JsonValueKind.String } element ? element.GetString() : value.ToString())?.Trim() ?? "";
    }
}
