using Microsoft.Extensions.Options;

namespace VoiceConnector.Functions.Configuration;

/// <summary>Checked at start: the URLs given to Twilio and the edge are absolute and of the right scheme; secrets are present.</summary>
public sealed class EndpointOptionsValidator :
    IValidateOptions<FunctionsOptions>, IValidateOptions<EdgeOptions>, IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, FunctionsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.PublicBaseUrl.IsAbsoluteUri || options.PublicBaseUrl.Scheme is not ("http" or "https"))
        {
            return ValidateOptionsResult.Fail("Functions:PublicBaseUrl must be an absolute http(s) URL.");
        }

        return options.MaxApiBodyBytes > 0 && options.MaxCallRecordBytes > 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Functions:MaxApiBodyBytes and Functions:MaxCallRecordBytes must be positive.");
    }

    public ValidateOptionsResult Validate(string? name, EdgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MediaStreamUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("ws" or "wss") || url.Query.Length > 0))
        {
            return ValidateOptionsResult.Fail("Edge:MediaStreamUrl must be an absolute ws(s) URL without a query string.");
        }

        if (options.SipUri.Length > 0 && !options.SipUri.StartsWith("sip:", StringComparison.Ordinal) && !options.SipUri.StartsWith("sips:", StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Fail("Edge:SipUri must be a sip: or sips: URI.");
        }

        if (options.HealthUrl is { } health && (!health.IsAbsoluteUri || health.Scheme is not ("http" or "https")))
        {
            return ValidateOptionsResult.Fail("Edge:HealthUrl must be an absolute http(s) URL.");
        }

        if (options.HealthCacheSeconds < 1 || options.HealthTimeoutMs is < 50 or > 10_000)
        {
            return ValidateOptionsResult.Fail("Edge:HealthCacheSeconds must be at least 1 and Edge:HealthTimeoutMs between 50 and 10000.");
        }

        return options.Key.Length is > 0 and < 16
            ? ValidateOptionsResult.Fail("Edge:Key must be at least 16 characters.")
            : ValidateOptionsResult.Success;
    }

    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Pepper.Length >= 16
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("ApiKeys:Pepper must be set (at least 16 characters).");
    }
}
