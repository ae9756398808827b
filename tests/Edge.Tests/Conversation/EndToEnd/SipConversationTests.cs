using Xunit.Abstractions;

namespace VoiceConnector.Edge.Tests.Conversation.EndToEnd;

/// <summary>The end-to-end calls over real SIP and RTP (G.722, UDP on 127.0.0.1).</summary>
[Collection(Collection)]
public sealed class SipConversationTests(ITestOutputHelper output) : ConversationScenarios(output)
{
    private protected override async Task<ConversationCaller> CallAsync(ConversationEdgeHost edge) => await SipCaller.CallAsync(edge.SipPort);
}
