using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using VoiceConnector.Functions.Api;

namespace VoiceConnector.Functions.Hosting;

/// <summary>Documents the required <c>Idempotency-Key</c> header on the operations that cost money.</summary>
public static class IdempotencyKeyParameter
{
    public static TBuilder RequiresIdempotencyKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotentExecution.HeaderName,
                In = ParameterLocation.Header,
                Required = true,
                Description = "Retries and concurrent duplicates with this key get the first answer; Twilio is called once.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
            });
            return Task.CompletedTask;
        });
}
