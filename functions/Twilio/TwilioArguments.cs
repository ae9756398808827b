using System.Text.RegularExpressions;

namespace VoiceConnector.Functions.Twilio;

/// <summary>Checks the client's inputs before anything is sent, so a bad value fails here with a clear message.</summary>
internal static partial class TwilioArguments
{
    public static void Sid(string value, string prefix, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (value.Length != 34 || !value.StartsWith(prefix, StringComparison.Ordinal) || !HexPattern().IsMatch(value.AsSpan(2)))
        {
            throw new ArgumentException($"Expected a Twilio SID: '{prefix}' followed by 32 hexadecimal digits.", parameterName);
        }
    }

    public static void E164(string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (!E164Pattern().IsMatch(value))
        {
            throw new ArgumentException("Expected an E.164 phone number such as +14155550100.", parameterName);
        }
    }

    public static void WebhookUrl(string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("Expected an absolute http(s) URL.", parameterName);
        }
    }

    public static void Twiml(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        if (value.Length > 4000)
        {
            throw new ArgumentException("Twilio accepts at most 4000 characters of TwiML.", parameterName);
        }
    }

    public static void Query(AvailableNumberQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.CountryCode is null || !CountryPattern().IsMatch(query.CountryCode))
        {
            throw new ArgumentException("CountryCode must be an ISO 3166-1 alpha-2 code such as US.", nameof(query));
        }

        if (query.Type is not ("Local" or "TollFree" or "Mobile"))
        {
            throw new ArgumentException("Type must be Local, TollFree or Mobile.", nameof(query));
        }

        if (query.AreaCode is { } areaCode && areaCode is < 100 or > 999)
        {
            throw new ArgumentException("AreaCode must have three digits.", nameof(query));
        }

        if (query.Contains is { } contains && !ContainsPattern().IsMatch(contains))
        {
            throw new ArgumentException("Contains must be 2 to 16 of 0-9, a-z, A-Z, *, %, +, $.", nameof(query));
        }

        if (query.Limit is < 1 or > 1000)
        {
            throw new ArgumentException("Limit must be between 1 and 1000.", nameof(query));
        }
    }

    [GeneratedRegex("^[0-9a-fA-F]{32}$")]
    private static partial Regex HexPattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$")]
    private static partial Regex E164Pattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    [GeneratedRegex(@"^[0-9a-zA-Z*%+$]{2,16}$")]
    private static partial Regex ContainsPattern();
}
