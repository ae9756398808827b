using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace VoiceConnector.Functions.Hosting;

/// <summary>Declares the bearer API key in the OpenAPI document and requires it on every operation.</summary>
public sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    private const string SchemeName = "apiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info.Title = "Voice Connector functions";
        document.Info.Description =
            "Provisioning API (/v1, Authorization: Bearer <tenant API key>) and edge endpoints (/edge/v1, Authorization: Bearer <Edge:Key>). " +
            "Errors are RFC 7807 problem details. POST /v1/numbers (Twilio) and POST /v1/calls require an Idempotency-Key header.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A tenant API key (vck_...) for /v1; the edge key for /edge/v1.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
