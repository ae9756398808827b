namespace VoiceConnector.Functions.Twilio;

/// <summary>A search for numbers to buy.</summary>
/// <param name="CountryCode">ISO 3166-1 alpha-2, e.g. "US".</param>
/// <param name="Type">"Local", "TollFree" or "Mobile".</param>
/// <param name="AreaCode">Optional area code filter.</param>
/// <param name="Contains">Optional pattern (Twilio's <c>Contains</c>).</param>
/// <param name="Limit">Most results wanted (Twilio's <c>PageSize</c>).</param>
public sealed record AvailableNumberQuery(
    string CountryCode = "US",
    string Type = "Local",
    int? AreaCode = null,
    string? Contains = null,
    int Limit = 20);
