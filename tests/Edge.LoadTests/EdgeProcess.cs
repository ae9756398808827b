using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace VoiceConnector.Edge.LoadTests;

/// <summary>
/// The edge as a separate process on 127.0.0.1 ephemeral ports, every number answered by the echo agent.
/// </summary>
internal sealed class EdgeProcess : IAsyncDisposable
{
    public const string AuthToken = "load0123456789abcdef0123456789ab";

    private readonly Process process;

    private EdgeProcess(Process process, Uri http)
    {
        this.process = process;
        Http = http;
        StreamUri = new Uri($"ws://{http.Authority}/twilio/media");
    }

    public Uri Http { get; }

    public Uri StreamUri { get; }

    public int Id => process.Id;

    public static async Task<EdgeProcess> StartAsync(string edgeDll)
    {
        var http = new Uri($"http://127.0.0.1:{FreePort(SocketType.Stream, ProtocolType.Tcp)}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(edgeDll);
        start.Environment["ASPNETCORE_URLS"] = http.ToString().TrimEnd('/');
        start.Environment["Twilio__AuthToken"] = AuthToken;
        start.Environment["Twilio__MediaStreamUrl"] = $"ws://{http.Authority}/twilio/media";
        start.Environment["Sip__ListenAddress"] = "127.0.0.1";
        start.Environment["Sip__Port"] = "0"; // any free port: never disturb SIP on this machine
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        // Every number answers with the echo test (the conversation pipeline's agent id "echo").
        var agents = Path.Combine(Path.GetTempPath(), $"voiceconnector-load-agents-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(agents, """{"*":{"agentId":"echo"}}""");
        start.Environment["Agents__File"] = agents;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) Console.Error.WriteLine("edge: " + line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var edge = new EdgeProcess(process, http);
        using var client = new HttpClient();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(http, "/health"));
                if (response.IsSuccessStatusCode)
                {
                    return edge;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (process.HasExited)
            {
                break;
            }

            await Task.Delay(200);
        }

        await edge.DisposeAsync();
        throw new InvalidOperationException("the edge did not start");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static int FreePort(SocketType type, ProtocolType protocol)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, type, protocol);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
