using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SshDoctor.Ec2Emulator.Http;

/// <summary>
/// The emulator's one HTTP endpoint on 127.0.0.1 (a free port; the same port on each instance's veth host address): SSM requests carry "X-Amz-Target: AmazonSSM.*"
/// (JSON 1.1), everything else is an EC2 Query request (form POST). Requests are signed by the SDK with SigV4; the
/// emulator reads the access key from the Authorization header but does not verify signatures.
/// </summary>
internal sealed class EmulatorHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpRequestData, HttpResponseData> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public string Url { get; }
    private readonly int _port;

    public EmulatorHttpServer(Func<HttpRequestData, HttpResponseData> handler)
    {
        _handler = handler;
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/";
            _port = port;
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add(Url);
            try { _listener.Start(); break; }
            catch (HttpListenerException) when (attempt < 20) { }
        }
        _loop = Task.Run(Loop);
    }

    /// <summary>
    /// Serves the same port on one more host address (an instance's end of its veth pair, so the instance reaches the
    /// emulator); never on every address. Returns that URL.
    /// </summary>
    public string AddAddress(string address)
    {
        var url = $"http://{address}:{_port}/";
        lock (_listener) _listener.Prefixes.Add(url);
        return url;
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private async Task Loop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            catch (HttpListenerException) { continue; }
            _ = Task.Run(() => Serve(context));
        }
    }

    private void Serve(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = reader.ReadToEnd();
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            var response = _handler(new HttpRequestData(context.Request.HttpMethod, context.Request.Url?.PathAndQuery ?? "/", headers, body));
            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            context.Response.Headers["x-amzn-RequestId"] = response.RequestId;
            context.Response.ContentLength64 = bytes.Length;
            context.Response.OutputStream.Write(bytes);
            context.Response.Close();
        }
        catch (Exception e)
        {
            try
            {
                context.Response.StatusCode = 500;
                var bytes = Encoding.UTF8.GetBytes("emulator error: " + e.Message);
                context.Response.OutputStream.Write(bytes);
                context.Response.Close();
            }
            catch (Exception) { }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        // Close alone: it stops the listener too. Stop then Close removes the prefixes twice, and the managed listener
        // binds the port again to remove them the second time: "Address already in use" once another emulator has it.
        try { _listener.Close(); } catch (Exception e) when (e is ObjectDisposedException or HttpListenerException) { }
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}

internal sealed record HttpRequestData(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    /// <summary>The access key ID from a SigV4 Authorization header (Credential=AKID/date/region/service/aws4_request).</summary>
    public string? AccessKeyId
    {
        get
        {
            var auth = Header("Authorization");
            var at = auth?.IndexOf("Credential=", StringComparison.Ordinal) ?? -1;
            if (auth is null || at < 0) return null;
            var rest = auth[(at + "Credential=".Length)..];
            return rest.Split('/')[0];
        }
    }
}

internal sealed record HttpResponseData(int Status, string ContentType, string Body, string RequestId);
