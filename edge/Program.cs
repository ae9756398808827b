using VoiceConnector.Edge.Ai;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Conversation;
using VoiceConnector.Edge.Rtp;
using VoiceConnector.Edge.Sip;
using VoiceConnector.Edge.Twilio;

var builder = WebApplication.CreateSlimBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    // Local default; change with ASPNETCORE_URLS or --urls.
    builder.WebHost.UseUrls("http://127.0.0.1:8080");
}

builder.Services.AddEdgeCalls(builder.Configuration);
builder.Services.AddEdgeSip(builder.Configuration);
builder.Services.AddEdgeRtp(builder.Configuration);
builder.Services.AddEdgeAi(builder.Configuration);
builder.Services.AddEdgeTwilio(builder.Configuration);
builder.Services.AddEdgeConversation(builder.Configuration);

var app = builder.Build();
app.UseWebSockets();
app.MapEdgeCalls();
app.MapEdgeTwilio();
await app.RunAsync();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program
{
}
