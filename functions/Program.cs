var builder = WebApplication.CreateSlimBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    // Local default; change with ASPNETCORE_URLS or --urls. Cloud Run sets PORT.
    var port = Environment.GetEnvironmentVariable("PORT");
    builder.WebHost.UseUrls(port is null ? "http://127.0.0.1:8081" : "http://0.0.0.0:" + port);
}

builder.Services.AddHealthChecks();
var app = builder.Build();
app.MapHealthChecks("/health");
await app.RunAsync();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program
{
}
