using System.Net;
using System.Net.Sockets;
using Amazon.EC2.Model;
using Amazon.SimpleSystemsManagement.Model;
using SshDoctor.Aws.Clients;

namespace SshDoctor.Tests.Aws;

/// <summary>
/// Proves the SDK v4 honours AWS_ENDPOINT_URL_EC2 / AWS_ENDPOINT_URL_SSM (how the lab points sshdoctor at its
/// emulator), and how AwsCall sorts the answers: a local HTTP listener records what arrives and answers with the
/// error documents EC2 (query protocol, XML) and SSM (JSON 1.1) send.
/// </summary>
[Collection("aws-process-environment")]
public sealed class AwsEndpointOverrideTests
{
    private sealed class Responder : IDisposable
    {
        private readonly HttpListener _listener = new();
        public string Url { get; }
        public List<string> Bodies { get; } = [];

        public Responder(int status, string contentType, string body)
        {
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext ctx;
                    try { ctx = await _listener.GetContextAsync(); } catch { return; }
                    using (var r = new StreamReader(ctx.Request.InputStream)) lock (Bodies) Bodies.Add(ctx.Request.Headers["X-Amz-Target"] + " " + r.ReadToEnd());
                    ctx.Response.StatusCode = status;
                    ctx.Response.ContentType = contentType;
                    var bytes = System.Text.Encoding.UTF8.GetBytes(body);
                    await ctx.Response.OutputStream.WriteAsync(bytes);
                    ctx.Response.Close();
                }
            });
        }

        public void Dispose() => _listener.Close();
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static AwsEnvironmentScope Env() =>
        new AwsEnvironmentScope().Set("AWS_ACCESS_KEY_ID", "AKIATESTTESTTESTTEST").Set("AWS_SECRET_ACCESS_KEY", "s").Set("AWS_MAX_ATTEMPTS", "2");

    [Fact]
    public async Task Ec2_endpoint_override_is_honoured_and_a_denial_names_the_action()
    {
        using var server = new Responder(403, "text/xml",
            "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors><RequestID>r1</RequestID></Response>");
        using var env = Env().Set("AWS_ENDPOINT_URL_EC2", server.Url);
        using var clients = AwsClientFactory.Create(new AwsOptions(null, "eu-west-1"));
        var e = await Assert.ThrowsAsync<AwsCallException>(() =>
            AwsCall.Run("ec2:DescribeKeyPairs", c => clients.Ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest(), c)));
        Assert.Equal(AwsFailureKind.PermissionDenied, e.Failure.Kind);
        Assert.Equal("ec2:DescribeKeyPairs", e.Failure.Action);
        Assert.Equal("UnauthorizedOperation", e.Failure.Code);
        Assert.Contains(server.Bodies, b => b.Contains("Action=DescribeKeyPairs"));
    }

    [Fact]
    public async Task Ssm_endpoint_override_is_honoured_and_throttling_is_retried_then_reported()
    {
        using var server = new Responder(400, "application/x-amz-json-1.1",
            "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
        using var env = Env().Set("AWS_ENDPOINT_URL_SSM", server.Url);
        using var clients = AwsClientFactory.Create(new AwsOptions(null, "eu-west-1"));
        var e = await Assert.ThrowsAsync<AwsCallException>(() =>
            AwsCall.Run("ssm:DescribeInstanceInformation", c => clients.Ssm.DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest(), c)));
        Assert.Equal(AwsFailureKind.Throttled, e.Failure.Kind);
        // AWS_MAX_ATTEMPTS=2: the SDK tried twice before giving up.
        Assert.Equal(2, server.Bodies.Count(b => b.Contains("DescribeInstanceInformation")));
    }

    [Fact]
    public async Task A_closed_port_is_a_network_failure()
    {
        using var env = Env().Set("AWS_ENDPOINT_URL_EC2", $"http://127.0.0.1:{FreePort()}/").Set("AWS_MAX_ATTEMPTS", "1");
        using var clients = AwsClientFactory.Create(new AwsOptions(null, "eu-west-1"));
        var e = await Assert.ThrowsAsync<AwsCallException>(() =>
            AwsCall.Run("ec2:DescribeInstances", c => clients.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest(), c)));
        Assert.Equal(AwsFailureKind.Network, e.Failure.Kind);
    }
}
