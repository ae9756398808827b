using VoiceConnector.Edge.Ai;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Conversation;
using VoiceConnector.Edge.Media;
using VoiceConnector.Edge.Rtp;
using VoiceConnector.Edge.Sip;
using VoiceConnector.Edge.Twilio;

var builder = WebApplication.CreateSlimBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    // Local default; change with ASPNETCORE_URLS or --urls.
    builder.WebHost.UseUrls("http://127.0.0.1:8080");
}

// Kestrel serves only /health, /metrics and the Media Streams sockets here, none of which blocks. Running its socket
// continuations inline puts a media message's receive work on the socket thread and, above all, a media chunk's send
// on the pacing thread that produced it, as the RTP path does: with the default (a hop through Kestrel's I/O queue on
// the busy thread pool) chunks left the edge up to 8 ms off their 20 ms slot at 250 streams, inline they hold 20 +- 5
// ms at 500 (tests/Edge.LoadTests). /metrics renders on the thread pool.
builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);

// The socket buffers come from a pool under a lock, not Kestrel's lock-free one: those sends rent on the real-time
// pacing threads, and a real-time thread spinning in Kestrel's pool could starve the socket thread (LockedBlockMemoryPool).
builder.Services.AddLockedSocketMemoryPool();

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
