using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using VoiceConnector.TwilioFake;

namespace VoiceConnector.Functions.Tests.Twilio.FakeServer;

/// <summary>The fake must reject what Twilio's spec rejects, or it would silently pass a broken client.</summary>
public sealed class FakeTwilioServerValidationTests : IAsyncLifetime, IDisposable
{
    private FakeTwilioServer server = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        server = await FakeTwilioServer.StartAsync();
        http = new HttpClient { BaseAddress = server.BaseUrl };
        http.DefaultRequestHeaders.Authorization = Basic(server.AccountSid, server.AuthToken);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    public void Dispose() => http.Dispose();

    private string Account => "/2010-04-01/Accounts/" + server.AccountSid;

    [Fact]
    public async Task CreateCall_ConformingForm_IsAcceptedWithoutViolation()
    {
        await PostAsync("/IncomingPhoneNumbers.json", ("PhoneNumber", "+14155550100"));

        using var response = await PostAsync("/Calls.json", ("To", "+16175551212"), ("From", "+14155550100"), ("Twiml", "<Response/>"),
            ("StatusCallbackEvent", "initiated"), ("StatusCallbackEvent", "completed"), ("Timeout", "30"), ("Record", "false"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Empty(server.Violations);
    }

    [Theory]
    [InlineData("Colour", "red", "unknown parameter Colour for CreateCall")]
    [InlineData("Timeout", "soon", "Timeout must be an integer, got 'soon'")]
    [InlineData("Record", "yes", "Record must be true or false, got 'yes'")]
    [InlineData("StatusCallbackMethod", "PUT", "StatusCallbackMethod must be one of GET, POST, got 'PUT'")]
    [InlineData("StatusCallback", "not a url", "StatusCallback must be an absolute URI, got 'not a url'")]
    [InlineData("ApplicationSid", "AP123", "ApplicationSid must have at least 34 characters")]
    public async Task CreateCall_BadParameter_Returns400AndRecordsViolation(string name, string value, string problem)
    {
        using var response = await PostAsync("/Calls.json", ("To", "+16175551212"), ("From", "+14155550100"), ("Twiml", "<Response/>"), (name, value));

        await AssertTwilioErrorAsync(response, HttpStatusCode.BadRequest, 20001);
        Assert.Contains(server.Violations, v => v.OperationId == "CreateCall" && v.Problem == problem);
        Assert.Empty(server.State.Calls);
    }

    [Fact]
    public async Task CreateCall_MissingRequiredFrom_Returns400AndRecordsViolation()
    {
        using var response = await PostAsync("/Calls.json", ("To", "+16175551212"), ("Twiml", "<Response/>"));

        await AssertTwilioErrorAsync(response, HttpStatusCode.BadRequest, 20001);
        Assert.Equal("missing required parameter From", Assert.Single(server.Violations).Problem);
    }

    [Fact]
    public async Task CreateCall_NoUrlTwimlOrApplication_IsRejectedAsTheSpecDescribes()
    {
        using var response = await PostAsync("/Calls.json", ("To", "+16175551212"), ("From", "+14155550100"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("one of Url, Twiml or ApplicationSid is required", Assert.Single(server.Violations).Problem);
    }

    [Fact]
    public async Task CreateCall_ScalarParameterRepeated_IsRejected()
    {
        using var response = await PostAsync("/Calls.json", ("To", "+16175551212"), ("To", "+16175551213"), ("From", "+14155550100"), ("Twiml", "<Response/>"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("parameter To repeated but not an array", Assert.Single(server.Violations).Problem);
    }

    [Fact]
    public async Task CreateIncomingPhoneNumber_JsonBody_IsRejectedForItsContentType()
    {
        using var content = new StringContent("{\"PhoneNumber\":\"+14155550100\"}", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(Account + "/IncomingPhoneNumbers.json", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(server.Violations, v => v.Problem.StartsWith("content type must be application/x-www-form-urlencoded", StringComparison.Ordinal));
        Assert.Empty(server.State.Numbers);
    }

    [Fact]
    public async Task CreateIncomingPhoneNumber_NeitherPhoneNumberNorAreaCode_IsRejected()
    {
        using var response = await PostAsync("/IncomingPhoneNumbers.json", ("VoiceUrl", "https://a.example.com/v"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("one of PhoneNumber or AreaCode is required", Assert.Single(server.Violations).Problem);
    }

    [Fact]
    public async Task CreateIncomingPhoneNumberLocal_MissingRequiredPhoneNumber_IsRejected()
    {
        using var response = await PostAsync("/IncomingPhoneNumbers/Local.json", ("AreaCode", "415"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(server.Violations, v => v.OperationId == "CreateIncomingPhoneNumberLocal" && v.Problem == "unknown parameter AreaCode for CreateIncomingPhoneNumberLocal");
        Assert.Contains(server.Violations, v => v.Problem == "missing required parameter PhoneNumber");
    }

    [Theory]
    [InlineData("/AvailablePhoneNumbers/US/Local.json?AreaCode=415&Colour=red", "unknown query parameter Colour for ListAvailablePhoneNumberLocal")]
    [InlineData("/AvailablePhoneNumbers/US/Local.json?AreaCode=four", "query parameter AreaCode must be an integer, got 'four'")]
    [InlineData("/IncomingPhoneNumbers.json?PageSize=5000", "query parameter PageSize must be at most 1000")]
    [InlineData("/Calls/CA123.json", "path parameter Sid must have at least 34 characters")]
    public async Task Get_BadQueryOrPath_Returns400AndRecordsViolation(string pathAndQuery, string problem)
    {
        using var response = await http.GetAsync(new Uri(Account + pathAndQuery, UriKind.Relative));

        await AssertTwilioErrorAsync(response, HttpStatusCode.BadRequest, 20001);
        Assert.Equal(problem, Assert.Single(server.Violations).Problem);
    }

    [Fact]
    public async Task Request_WrongAuthToken_Returns401TwilioError()
    {
        http.DefaultRequestHeaders.Authorization = Basic(server.AccountSid, "wrong");

        using var response = await http.GetAsync(new Uri(Account + "/Calls.json", UriKind.Relative));

        await AssertTwilioErrorAsync(response, HttpStatusCode.Unauthorized, 20003);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task Request_OtherAccountInPath_Returns401()
    {
        using var response = await http.GetAsync(new Uri("/2010-04-01/Accounts/AC" + new string('f', 32) + "/Calls.json", UriKind.Relative));

        await AssertTwilioErrorAsync(response, HttpStatusCode.Unauthorized, 20003);
    }

    [Fact]
    public async Task Request_NoAuthorization_Returns401AndRecordsViolation()
    {
        http.DefaultRequestHeaders.Authorization = null;

        using var response = await http.GetAsync(new Uri(Account + "/Calls.json", UriKind.Relative));

        await AssertTwilioErrorAsync(response, HttpStatusCode.Unauthorized, 20003);
        Assert.StartsWith("no HTTP Basic Authorization header", Assert.Single(server.Violations).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_MethodTheSpecDoesNotDefine_Returns405AndRecordsViolation()
    {
        using var response = await http.PutAsync(new Uri(Account + "/Calls.json", UriKind.Relative), null);

        await AssertTwilioErrorAsync(response, HttpStatusCode.MethodNotAllowed, 20004);
        Assert.Equal("the spec defines no PUT for this path", Assert.Single(server.Violations).Problem);
    }

    [Fact]
    public async Task Request_PathNotInSpec_Returns404AndRecordsViolation()
    {
        using var response = await http.GetAsync(new Uri(Account + "/Messages.json", UriKind.Relative));

        await AssertTwilioErrorAsync(response, HttpStatusCode.NotFound, 20404);
        Assert.Equal("no such path in the spec", Assert.Single(server.Violations).Problem);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    private static async Task AssertTwilioErrorAsync(HttpResponseMessage response, HttpStatusCode status, int code)
    {
        Assert.Equal(status, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["code", "message", "more_info", "status"], body.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(code, body.RootElement.GetProperty("code").GetInt32());
        Assert.Equal((int)status, body.RootElement.GetProperty("status").GetInt32());
    }

    private async Task<HttpResponseMessage> PostAsync(string path, params (string Name, string Value)[] form)
    {
        using var content = new FormUrlEncodedContent(form.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)));
        return await http.PostAsync(new Uri(Account + path, UriKind.Relative), content);
    }
}
