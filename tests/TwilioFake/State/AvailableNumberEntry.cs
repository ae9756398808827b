namespace VoiceConnector.TwilioFake.State;

/// <summary>A number in the fake's catalogue of numbers for sale. <paramref name="Kind"/> is Local, TollFree or Mobile.</summary>
public sealed record AvailableNumberEntry(
    string PhoneNumber,
    string Kind,
    string IsoCountry,
    string? Locality,
    string? Region,
    string? PostalCode = null,
    string? RateCenter = null,
    string? Lata = null)
{
    /// <summary>The digits after the country code +1 (North America) that form the area code, else null.</summary>
    public string? AreaCode => PhoneNumber.StartsWith("+1", StringComparison.Ordinal) && PhoneNumber.Length >= 5 ? PhoneNumber[2..5] : null;

    /// <summary>A few fictional (555-01xx) numbers: US local in 415, 212 and 808, US toll-free, and GB mobile.</summary>
    public static IReadOnlyList<AvailableNumberEntry> DefaultCatalogue { get; } =
    [
        new("+14155550100", "Local", "US", "San Francisco", "CA", "94103", "SNFC CA", "722"),
        new("+14155550101", "Local", "US", "San Francisco", "CA", "94103", "SNFC CA", "722"),
        new("+14155550102", "Local", "US", "San Francisco", "CA", "94103", "SNFC CA", "722"),
        new("+14155550103", "Local", "US", "San Francisco", "CA", "94103", "SNFC CA", "722"),
        new("+14155550104", "Local", "US", "San Francisco", "CA", "94103", "SNFC CA", "722"),
        new("+12125550100", "Local", "US", "New York", "NY", "10001", "NWYRCYZN01", "132"),
        new("+12125550101", "Local", "US", "New York", "NY", "10001", "NWYRCYZN01", "132"),
        new("+18085550100", "Local", "US", "Hilo", "HI", "96720", "HILO", "834"),
        new("+18005550100", "TollFree", "US", null, null),
        new("+18885550100", "TollFree", "US", null, null),
        new("+447700900100", "Mobile", "GB", null, null),
    ];
}
