using VoiceConnector.Functions.Twilio;

namespace VoiceConnector.Functions.Api.Numbers;

/// <summary>A number Twilio offers, as <c>GET /v1/numbers/available</c> lists it.</summary>
public sealed record AvailableNumberResource(string PhoneNumber, string FriendlyName, string? Locality, string? Region, string Country)
{
    public static AvailableNumberResource From(AvailableNumber number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return new(number.PhoneNumber, number.FriendlyName, number.Locality, number.Region, number.IsoCountry);
    }
}
