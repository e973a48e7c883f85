using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Vigil.Server.Hosting;

/// <summary>Declares the API key scheme in the OpenAPI document.</summary>
internal sealed class OpenApiSecurityTransformer : IOpenApiDocumentTransformer
{
    /// <inheritdoc />
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Vigil";
        document.Info.Description = "The Vigil platform API. Every endpoint but /healthz, the HEC health check and this document needs an API key "
            + "(Authorization: Bearer <key> or X-Api-Key: <key>; Authorization: Splunk <key> on the HEC endpoints). Roles: ingest, viewer < analyst < approver < admin.";
        // The listen address varies by deployment (and is a random port in tests): the document names no server.
        document.Servers?.Clear();
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes["apiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A Vigil API key (vgl_...).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", document)] = [] });
        return Task.CompletedTask;
    }
}
