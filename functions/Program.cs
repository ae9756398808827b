using VoiceConnector.Functions.Admin;
using VoiceConnector.Functions.Hosting;

var builder = WebApplication.CreateSlimBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    // Local default; change with ASPNETCORE_URLS or --urls. Cloud Run sets PORT.
    var port = Environment.GetEnvironmentVariable("PORT");
    builder.WebHost.UseUrls(port is null ? "http://127.0.0.1:8081" : "http://0.0.0.0:" + port);
}

builder.Services.AddFunctionsApp(builder.Configuration);
var app = builder.Build();

if (args.Length > 0 && args[0] == CreateTenantCommand.Name)
{
    return await CreateTenantCommand.RunAsync(app.Services, args, Console.Out, CancellationToken.None);
}

app.MapFunctionsEndpoints();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program
{
}
