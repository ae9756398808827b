using System.Text.RegularExpressions;

namespace VoiceConnector.Functions.Api;

/// <summary>E.164 phone numbers: '+', a country code not starting with 0, at most 15 digits in all.</summary>
public static partial class PhoneNumbers
{
    public static bool IsE164(string? value) => value is not null && E164().IsMatch(value);

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}
