using System.Globalization;
using VoiceConnector.TwilioFake.State;

namespace VoiceConnector.TwilioFake.Responses;

/// <summary>
/// The values of the fake's resources under the spec's snake_case property names; <see cref="ResponseBuilder"/>
/// checks every one of them against the schema, so a misspelt or invented name fails loudly.
/// </summary>
public static class ResourceValues
{
    public const string ApiVersion = "2010-04-01";

    /// <summary>Twilio's date format, RFC 2822 in UTC: <c>Mon, 16 Aug 2010 03:45:01 +0000</c>.</summary>
    public static string Rfc2822(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    public static string FriendlyName(string phoneNumber) =>
        phoneNumber.Length == 12 && phoneNumber.StartsWith("+1", StringComparison.Ordinal)
            ? $"({phoneNumber[2..5]}) {phoneNumber[5..8]}-{phoneNumber[8..]}"
            : phoneNumber;

    public static Dictionary<string, object?> Capabilities(string kind) => new(StringComparer.Ordinal)
    {
        ["voice"] = true,
        ["sms"] = true,
        ["mms"] = kind != "TollFree",
        ["fax"] = false,
    };

    public static Dictionary<string, object?> Available(AvailableNumberEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(StringComparer.Ordinal)
        {
            ["friendly_name"] = FriendlyName(entry.PhoneNumber),
            ["phone_number"] = entry.PhoneNumber,
            ["lata"] = entry.Lata,
            ["locality"] = entry.Locality,
            ["rate_center"] = entry.RateCenter,
            ["latitude"] = null,
            ["longitude"] = null,
            ["region"] = entry.Region,
            ["postal_code"] = entry.PostalCode,
            ["iso_country"] = entry.IsoCountry,
            ["address_requirements"] = "none",
            ["beta"] = false,
            ["capabilities"] = Capabilities(entry.Kind),
        };
    }

    public static Dictionary<string, object?> Number(FakeIncomingNumber number, string accountSid)
    {
        ArgumentNullException.ThrowIfNull(number);
        return new(StringComparer.Ordinal)
        {
            ["account_sid"] = accountSid,
            ["address_requirements"] = "none",
            ["api_version"] = ApiVersion,
            ["beta"] = false,
            ["capabilities"] = Capabilities(number.Entry.Kind),
            ["date_created"] = Rfc2822(number.DateCreated),
            ["date_updated"] = Rfc2822(number.DateUpdated),
            ["friendly_name"] = number.FriendlyName,
            ["phone_number"] = number.PhoneNumber,
            ["origin"] = "twilio",
            ["sid"] = number.Sid,
            ["sms_fallback_method"] = "POST",
            ["sms_method"] = "POST",
            ["status_callback"] = number.StatusCallback,
            ["status_callback_method"] = number.StatusCallbackMethod,
            ["uri"] = $"/{ApiVersion}/Accounts/{accountSid}/IncomingPhoneNumbers/{number.Sid}.json",
            ["voice_receive_mode"] = "voice",
            ["voice_caller_id_lookup"] = false,
            ["voice_fallback_method"] = "POST",
            ["voice_method"] = number.VoiceMethod,
            ["voice_url"] = number.VoiceUrl,
            ["emergency_status"] = "Inactive",
            ["emergency_address_status"] = "unregistered",
            ["status"] = "in-use",
            ["type"] = number.Entry.Kind switch { "TollFree" => "tollfree", "Mobile" => "mobile", _ => "local" },
        };
    }

    public static Dictionary<string, object?> Call(FakeCall call, string accountSid)
    {
        ArgumentNullException.ThrowIfNull(call);
        var uri = $"/{ApiVersion}/Accounts/{accountSid}/Calls/{call.Sid}";
        string? duration = call is { StartTime: { } start, EndTime: { } end }
            ? ((int)(end - start).TotalSeconds).ToString(CultureInfo.InvariantCulture)
            : null;
        return new(StringComparer.Ordinal)
        {
            ["sid"] = call.Sid,
            ["date_created"] = Rfc2822(call.DateCreated),
            ["date_updated"] = Rfc2822(call.DateUpdated),
            ["account_sid"] = accountSid,
            ["to"] = call.To,
            ["to_formatted"] = FriendlyName(call.To),
            ["from"] = call.From,
            ["from_formatted"] = FriendlyName(call.From),
            ["phone_number_sid"] = call.PhoneNumberSid,
            ["status"] = call.Status,
            ["start_time"] = call.StartTime is { } started ? Rfc2822(started) : null,
            ["end_time"] = call.EndTime is { } ended ? Rfc2822(ended) : null,
            ["duration"] = duration,
            ["price_unit"] = "USD",
            ["direction"] = call.Direction,
            ["api_version"] = ApiVersion,
            ["queue_time"] = "0",
            ["uri"] = uri + ".json",
            ["subresource_uris"] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["recordings"] = uri + "/Recordings.json",
                ["notifications"] = uri + "/Notifications.json",
            },
        };
    }
}
