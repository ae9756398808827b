using VoiceConnector.Functions.Api;
using VoiceConnector.Functions.Storage;

namespace VoiceConnector.Functions.Hosting;

/// <summary>
/// The <c>/v1</c> endpoint filter: <c>Authorization: Bearer &lt;api key&gt;</c> names the tenant every handler is
/// scoped to; a missing or unknown key answers 401.
/// </summary>
public static class TenantAuthentication
{
    private const string TenantItem = "voice-connector.tenant";

    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            return Problems.Unauthorized("Send Authorization: Bearer <api key>.").ToHttpResult();
        }

        var tenants = http.RequestServices.GetRequiredService<TenantStore>();
        var tenantId = await tenants.FindTenantByApiKeyAsync(header[7..].Trim(), http.RequestAborted);
        if (tenantId is null)
        {
            return Problems.Unauthorized("The API key is not valid.").ToHttpResult();
        }

        http.Items[TenantItem] = tenantId;
        return await next(context);
    }

    /// <summary>The tenant the filter authenticated.</summary>
    public static string TenantId(this HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items[TenantItem] as string ?? throw new InvalidOperationException("The endpoint is not behind the tenant filter.");
    }
}
