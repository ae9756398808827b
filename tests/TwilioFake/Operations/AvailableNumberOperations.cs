using System.Text;
using System.Text.RegularExpressions;
using VoiceConnector.TwilioFake.Responses;
using VoiceConnector.TwilioFake.State;

namespace VoiceConnector.TwilioFake.Operations;

/// <summary>AvailablePhoneNumbers: the countries and the search of numbers for sale (Local, TollFree, Mobile).</summary>
public sealed class AvailableNumberOperations(FakeTwilioState state, ResponseBuilder responses, PageBuilder pages)
{
    private const string Prefix = "ListAvailablePhoneNumber";

    public OperationResult ListCountries(OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var countries = state.Available.Select(e => e.IsoCountry).Distinct().Order(StringComparer.Ordinal)
            .Select(code => (object?)Country(context, code)).ToList();
        var uri = $"/{ResourceValues.ApiVersion}/Accounts/{context.AccountSid}/AvailablePhoneNumbers.json";
        var body = responses.Build(context.Operation.ResponseSchema!, new Dictionary<string, object?> { ["countries"] = countries, ["uri"] = uri });
        return new(200, body);
    }

    public OperationResult FetchCountry(OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var code = context.PathValues["CountryCode"];
        if (!state.Available.Any(e => e.IsoCountry == code))
        {
            return OperationResult.Error(FakeTwilioError.NotFound(context.Path));
        }

        return new(200, responses.Build(context.Operation.ResponseSchema!, Country(context, code)));
    }

    public OperationResult Search(OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kind = context.Operation.OperationId[Prefix.Length..];
        var country = context.PathValues["CountryCode"];
        var areaCode = context.QueryValue("AreaCode");
        var contains = context.QueryValue("Contains") is { } pattern ? ContainsRegex(pattern) : null;
        var region = context.QueryValue("InRegion");
        var locality = context.QueryValue("InLocality");
        var postalCode = context.QueryValue("InPostalCode");
        var matches = state.Available
            .Where(e => e.Kind == kind && e.IsoCountry == country)
            .Where(e => areaCode is null || e.AreaCode == areaCode)
            .Where(e => contains is null || contains.IsMatch(e.PhoneNumber[1..]))
            .Where(e => region is null || e.Region == region)
            .Where(e => locality is null || e.Locality == locality)
            .Where(e => postalCode is null || e.PostalCode == postalCode)
            .Select(e => (IReadOnlyDictionary<string, object?>)ResourceValues.Available(e))
            .ToList();
        return new(200, pages.Build(context.Operation, context.Path, context.Query, matches));
    }

    private static Dictionary<string, object?> Country(OperationContext context, string code)
    {
        var uri = $"/{ResourceValues.ApiVersion}/Accounts/{context.AccountSid}/AvailablePhoneNumbers/{code}";
        return new Dictionary<string, object?>
        {
            ["country_code"] = code,
            ["country"] = code == "US" ? "United States" : code,
            ["uri"] = uri + ".json",
            ["beta"] = false,
            ["subresource_uris"] = new Dictionary<string, string>
            {
                ["local"] = uri + "/Local.json",
                ["toll_free"] = uri + "/TollFree.json",
                ["mobile"] = uri + "/Mobile.json",
            },
        };
    }

    /// <summary>
    /// Twilio's Contains pattern on the digits after '+': <c>*</c> one character, <c>%</c> any run, a leading
    /// <c>+</c> anchors the start, a trailing <c>$</c> the end, letters stand for their keypad digit.
    /// </summary>
    private static Regex ContainsRegex(string pattern)
    {
        var regex = new StringBuilder();
        var body = pattern.TrimStart('+').TrimEnd('$');
        regex.Append(pattern.StartsWith('+') ? "^" : "");
        foreach (var c in body)
        {
            regex.Append(c switch
            {
                '*' => ".",
                '%' => ".*",
                _ when char.IsAsciiLetter(c) => Keypad(char.ToUpperInvariant(c)).ToString(),
                _ => Regex.Escape(c.ToString()),
            });
        }

        regex.Append(pattern.EndsWith('$') ? "$" : "");
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static char Keypad(char letter) => letter switch
    {
        <= 'C' => '2',
        <= 'F' => '3',
        <= 'I' => '4',
        <= 'L' => '5',
        <= 'O' => '6',
        <= 'S' => '7',
        <= 'V' => '8',
        _ => '9',
    };
}
