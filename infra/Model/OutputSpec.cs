namespace VoiceConnector.Infra.Model;

/// <summary>A stack output: each source formatted with <paramref name="Format"/>; a list when <paramref name="IsList"/>.</summary>
public sealed record OutputSpec(string Name, IReadOnlyList<OutputRef> Sources, string Format, bool IsList, string Description);
