using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SshDoctor.Ec2Emulator.Http;
using SshDoctor.Ec2Emulator.Instances;

namespace SshDoctor.Ec2Emulator.Ssm;

/// <summary>
/// The SSM JSON 1.1 front end (X-Amz-Target: AmazonSSM.ACTION): DescribeInstanceInformation, SendCommand
/// (AWS-RunShellScript or a Command document of the account), GetCommandInvocation, ListCommandInvocations; PutComplianceItems, ListComplianceItems
/// (<see cref="ComplianceStore"/>); PutParameter, GetParameter (<see cref="ParameterStore"/>); CreateDocument, GetDocument,
/// DescribeDocument, DeleteDocument (<see cref="DocumentStore"/>), whose Command documents SendCommand also runs. Errors are {"__type": CODE, "message": …}
/// with HTTP 400, as SSM sends them. Output is cut to SSM's limits: 24,000 characters in GetCommandInvocation,
/// 2,500 in ListCommandInvocations' plugin Output.
/// </summary>
internal sealed class SsmApi(EmulatorState state)
{
    public const int StandardOutputLimit = 24000;
    public const int PluginOutputLimit = 2500;
    private readonly ConcurrentDictionary<(string, string), CommandInvocation> _invocations = new();
    private readonly ConcurrentQueue<CommandInvocation> _order = new();
    private readonly ComplianceStore _compliance = new(state);
    private readonly ParameterStore _parameters = new(state);
    private readonly DocumentStore _documents = new(state);

    public HttpResponseData Handle(HttpRequestData request)
    {
        var requestId = Guid.NewGuid().ToString();
        var action = (request.Header("X-Amz-Target") ?? "")["AmazonSSM.".Length..];
        try
        {
            var body = string.IsNullOrWhiteSpace(request.Body) ? new JsonObject() : JsonNode.Parse(request.Body) as JsonObject
                ?? throw new ApiError(400, "SerializationException", "the request body is not a JSON object");
            var iamAction = "ssm:" + action;
            if (action is not ("DescribeInstanceInformation" or "SendCommand" or "GetCommandInvocation" or "ListCommandInvocations"
                or "PutComplianceItems" or "ListComplianceItems" or "PutParameter" or "GetParameter"
                or "CreateDocument" or "GetDocument" or "DescribeDocument" or "DeleteDocument"))
                throw new ApiError(400, "UnknownOperationException", "");
            if (state.Faults.IsDenied(iamAction))
                throw new ApiError(400, "AccessDeniedException",
                    $"User: {state.Faults.CallerArn} is not authorized to perform: {iamAction} on resource: {Resource(action, body)} " +
                    $"because no identity-based policy allows the {iamAction} action");
            if (state.Faults.TakeThrottle(iamAction)) throw new ApiError(400, "ThrottlingException", "Rate exceeded");
            JsonObject result = action switch
            {
                "DescribeInstanceInformation" => DescribeInstanceInformation(body),
                "SendCommand" => SendCommand(body),
                "GetCommandInvocation" => GetCommandInvocation(body),
                "PutComplianceItems" => _compliance.Put(body),
                "ListComplianceItems" => _compliance.List(body),
                "PutParameter" => _parameters.Put(body),
                "GetParameter" => _parameters.Get(body),
                "CreateDocument" => _documents.Create(body),
                "GetDocument" => _documents.Get(body),
                "DescribeDocument" => _documents.Describe(body),
                "DeleteDocument" => _documents.Delete(body),
                _ => ListCommandInvocations(body),
            };
            return new HttpResponseData(200, "application/x-amz-json-1.1", result.ToJsonString(), requestId);
        }
        catch (ApiError e)
        {
            var error = new JsonObject { ["__type"] = e.Code, ["message"] = e.Message };
            return new HttpResponseData(e.Status, "application/x-amz-json-1.1", error.ToJsonString(), requestId);
        }
        catch (JsonException e)
        {
            return new HttpResponseData(400, "application/x-amz-json-1.1", new JsonObject { ["__type"] = "SerializationException", ["message"] = e.Message }.ToJsonString(), requestId);
        }
    }

    /// <summary>The resource SSM names in an AccessDeniedException: the parameter or document, or the (first) instance a request targets, else the account's SSM.</summary>
    private string Resource(string action, JsonObject body)
    {
        if (action.EndsWith("Document", StringComparison.Ordinal) && (string?)body["Name"] is { } document)
            return $"arn:aws:ssm:{state.Options.Region}:{state.Options.AccountId}:document/{document}";
        if ((string?)body["Name"] is { } name)
            return $"arn:aws:ssm:{state.Options.Region}:{state.Options.AccountId}:parameter/{name.TrimStart('/')}";
        var id = (string?)body["InstanceId"] ?? (string?)body["ResourceId"] ?? Strings(body["InstanceIds"]).FirstOrDefault();
        return id is null ? $"arn:aws:ssm:{state.Options.Region}:{state.Options.AccountId}:*"
            : $"arn:aws:ec2:{state.Options.Region}:{state.Options.AccountId}:instance/{id}";
    }

    private static double Epoch(DateTime t) => Math.Round((t.ToUniversalTime() - DateTime.UnixEpoch).TotalSeconds, 3);
    private static string Iso(DateTime? t) => t is { } v ? v.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) : "";

    private static List<string> Strings(JsonNode? node) => node is JsonArray a ? [.. a.Select(v => v?.GetValue<string>() ?? "")] : [];

    private JsonObject DescribeInstanceInformation(JsonObject body)
    {
        var wanted = new List<string>();
        foreach (var f in body["Filters"] as JsonArray ?? [])
            if ((string?)f?["Key"] is "InstanceIds") wanted.AddRange(Strings(f["Values"]));
        foreach (var f in body["InstanceInformationFilterList"] as JsonArray ?? [])
            if ((string?)f?["key"] is "InstanceIds") wanted.AddRange(Strings(f["valueSet"]));
        var list = new JsonArray();
        foreach (var i in state.OrderedInstances)
        {
            if (!i.Spec.SsmAgent || i.Boots == 0) continue; // never registered
            if (wanted.Count > 0 && !wanted.Contains(i.InstanceId)) continue;
            list.Add(new JsonObject
            {
                ["InstanceId"] = i.InstanceId,
                ["PingStatus"] = i.SsmOnline ? "Online" : "ConnectionLost",
                ["LastPingDateTime"] = Epoch(DateTime.UtcNow.AddSeconds(i.SsmOnline ? -5 : -600)),
                ["AgentVersion"] = "3.3.1957.0",
                ["IsLatestVersion"] = false,
                ["PlatformType"] = "Linux",
                ["PlatformName"] = OsRelease(i, "NAME") ?? "Linux",
                ["PlatformVersion"] = OsRelease(i, "VERSION_ID") ?? "",
                ["ResourceType"] = "EC2Instance",
                ["IPAddress"] = i.PrivateIpAddress,
                ["ComputerName"] = "ip-" + i.PrivateIpAddress.Replace('.', '-') + ".ec2.internal",
            });
        }
        return new JsonObject { ["InstanceInformationList"] = list };
    }

    private static string? OsRelease(EmulatedInstance i, string key)
    {
        var path = Path.Combine(i.Spec.Root, "etc/os-release");
        if (!File.Exists(path)) return null;
        foreach (var line in File.ReadLines(path))
            if (line.StartsWith(key + "=", StringComparison.Ordinal)) return line[(key.Length + 1)..].Trim('"');
        return null;
    }

    /// <summary>What one SendCommand runs: the script lines, the step (plugin) name, its directory under orchestration/, the timeout, the parameters as answered.</summary>
    private sealed record CommandPlan(IReadOnlyList<string> Lines, string PluginName, string PluginDir, int TimeoutSeconds, JsonObject Parameters);

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    /// <summary>AWS-RunShellScript: Parameters.commands (one line each), executionTimeout (default 3600 s).</summary>
    private static CommandPlan RunShellScript(JsonObject? parameters)
    {
        var commands = Strings(parameters?["commands"]);
        if (commands.Count == 0) throw new ApiError(400, "InvalidParameters", "Parameter \"commands\" is required.");
        var timeoutText = Strings(parameters?["executionTimeout"]).FirstOrDefault() ?? "3600";
        if (!int.TryParse(timeoutText, out var timeout) || timeout < 1 || timeout > 172800)
            throw new ApiError(400, "InvalidParameters", "Parameter \"executionTimeout\" must be an integer between 1 and 172800.");
        return new CommandPlan(commands, "aws:runShellScript", "awsrunShellScript/0.awsrunShellScript", timeout,
            new JsonObject { ["commands"] = Array(commands), ["executionTimeout"] = new JsonArray(JsonValue.Create(timeoutText)) });
    }

    /// <summary>A document of the account: its parameters checked and substituted into its one aws:runShellScript step.</summary>
    private static CommandPlan FromDocument(CommandDocument document, JsonObject? parameters)
    {
        var values = document.Resolve(parameters);
        var answered = new JsonObject();
        foreach (var (name, v) in values) answered[name] = Array(v);
        return new CommandPlan(document.Script(values), document.StepName, document.StepName, document.TimeoutSeconds, answered);
    }

    private JsonObject SendCommand(JsonObject body)
    {
        var document = (string?)body["DocumentName"] ?? throw new ApiError(400, "ValidationException", "1 validation error detected: Value null at 'documentName' failed to satisfy constraint: Member must not be null");
        var parameters = body["Parameters"] as JsonObject;
        var plan = document == "AWS-RunShellScript" ? RunShellScript(parameters)
            : _documents.Find(document) is { } stored ? FromDocument(stored.Parsed, parameters)
            : throw new ApiError(400, "InvalidDocument", $"Document {document} does not exist in your account (this emulator runs AWS-RunShellScript and the account's own documents).");
        var ids = Strings(body["InstanceIds"]);
        if (ids.Count == 0) throw new ApiError(400, "ValidationException", "InstanceIds or Targets must be given (this emulator takes InstanceIds).");
        foreach (var id in ids)
            if (!state.Instances.TryGetValue(id, out var inst) || !inst.SsmOnline)
                throw new ApiError(400, "InvalidInstanceId", "Instances [[" + id + "]] not in a valid state for account " + state.Options.AccountId);
        var commandId = Guid.NewGuid().ToString();
        var comment = (string?)body["Comment"] ?? "";
        foreach (var id in ids)
        {
            var inv = new CommandInvocation(commandId, id, document, comment, plan.Lines, plan.TimeoutSeconds, plan.PluginName);
            _invocations[(commandId, id)] = inv;
            _order.Enqueue(inv);
            _ = Task.Run(() => Run(state.Instances[id], inv, plan.PluginDir));
        }
        var requested = DateTime.UtcNow;
        return new JsonObject
        {
            ["Command"] = new JsonObject
            {
                ["CommandId"] = commandId,
                ["DocumentName"] = document,
                ["DocumentVersion"] = "$DEFAULT",
                ["Comment"] = comment,
                ["ExpiresAfter"] = Epoch(requested.AddSeconds(plan.TimeoutSeconds + 3600)),
                ["Parameters"] = plan.Parameters,
                ["InstanceIds"] = Array(ids),
                ["Targets"] = new JsonArray(),
                ["RequestedDateTime"] = Epoch(requested),
                ["Status"] = "Pending",
                ["StatusDetails"] = "Pending",
                ["MaxConcurrency"] = "50",
                ["MaxErrors"] = "0",
                ["TargetCount"] = ids.Count,
                ["CompletedCount"] = 0,
                ["ErrorCount"] = 0,
                ["DeliveryTimedOutCount"] = 0,
                ["TimeoutSeconds"] = 3600,
            },
        };
    }

    /// <summary>The agent's job: write the commands as one script (one command a line), run it as root with the timeout.</summary>
    private async Task Run(EmulatedInstance instance, CommandInvocation inv, string pluginDir)
    {
        await Task.Delay(state.Options.CommandDeliveryDelay);
        inv.MarkInProgress();
        var workDir = $"/var/lib/amazon/ssm/{instance.InstanceId}/document/orchestration/{inv.CommandId}/{pluginDir}";
        var (rc, stdout, stderr) = await instance.RunScript(string.Join('\n', inv.Commands) + "\n", inv.TimeoutSeconds, workDir);
        // timeout(1) exits 124 when it had to stop the command (137 after its SIGKILL).
        var timedOut = rc is 124 or 137 && (DateTime.UtcNow - inv.Started!.Value).TotalSeconds >= inv.TimeoutSeconds - 0.5;
        inv.Complete(timedOut ? -1 : rc, stdout, stderr, timedOut, lost: rc == -1);
    }

    private CommandInvocation Find(JsonObject body)
    {
        var commandId = (string?)body["CommandId"] ?? throw new ApiError(400, "ValidationException", "CommandId is required");
        var instanceId = (string?)body["InstanceId"] ?? throw new ApiError(400, "ValidationException", "InstanceId is required");
        if (!Guid.TryParse(commandId, out _)) throw new ApiError(400, "InvalidCommandId", "");
        if (!state.Instances.ContainsKey(instanceId)) throw new ApiError(400, "InvalidInstanceId", "");
        return _invocations.TryGetValue((commandId, instanceId), out var inv) ? inv : throw new ApiError(400, "InvocationDoesNotExist", "");
    }

    private static string Cut(string s, int limit) => s.Length <= limit ? s : s[..limit];

    private JsonObject GetCommandInvocation(JsonObject body)
    {
        var inv = Find(body);
        var elapsed = inv.Started is { } s ? (inv.Ended ?? DateTime.UtcNow) - s : TimeSpan.Zero;
        return new JsonObject
        {
            ["CommandId"] = inv.CommandId,
            ["InstanceId"] = inv.InstanceId,
            ["Comment"] = inv.Comment,
            ["DocumentName"] = inv.DocumentName,
            ["DocumentVersion"] = "1",
            ["PluginName"] = inv.PluginName,
            ["ResponseCode"] = inv.ResponseCode,
            ["ExecutionStartDateTime"] = Iso(inv.Started),
            ["ExecutionElapsedTime"] = "PT" + elapsed.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "S",
            ["ExecutionEndDateTime"] = Iso(inv.Ended),
            ["Status"] = inv.Status,
            ["StatusDetails"] = inv.StatusDetails,
            ["StandardOutputContent"] = Cut(inv.Stdout, StandardOutputLimit),
            ["StandardOutputUrl"] = "",
            ["StandardErrorContent"] = Cut(inv.Stderr, StandardOutputLimit),
            ["StandardErrorUrl"] = "",
            ["CloudWatchOutputConfig"] = new JsonObject { ["CloudWatchLogGroupName"] = "", ["CloudWatchOutputEnabled"] = false },
        };
    }

    private JsonObject ListCommandInvocations(JsonObject body)
    {
        var commandId = (string?)body["CommandId"];
        var instanceId = (string?)body["InstanceId"];
        var details = (bool?)body["Details"] ?? false;
        var list = new JsonArray();
        foreach (var inv in _order.Reverse())
        {
            if (commandId is not null && inv.CommandId != commandId) continue;
            if (instanceId is not null && inv.InstanceId != instanceId) continue;
            var item = new JsonObject
            {
                ["CommandId"] = inv.CommandId,
                ["InstanceId"] = inv.InstanceId,
                ["InstanceName"] = "",
                ["Comment"] = inv.Comment,
                ["DocumentName"] = inv.DocumentName,
                ["DocumentVersion"] = "1",
                ["RequestedDateTime"] = Epoch(inv.Requested),
                ["Status"] = inv.Status,
                ["StatusDetails"] = inv.StatusDetails,
                ["StandardOutputUrl"] = "",
                ["StandardErrorUrl"] = "",
            };
            if (details)
                item["CommandPlugins"] = new JsonArray(new JsonObject
                {
                    ["Name"] = inv.PluginName,
                    ["Status"] = inv.Status,
                    ["StatusDetails"] = inv.StatusDetails,
                    ["ResponseCode"] = inv.ResponseCode,
                    ["Output"] = Cut(inv.Stdout + (inv.Stderr.Length > 0 ? "\n----------ERROR-------\n" + inv.Stderr : ""), PluginOutputLimit),
                    ["StandardOutputUrl"] = "",
                    ["StandardErrorUrl"] = "",
                });
            list.Add(item);
        }
        return new JsonObject { ["CommandInvocations"] = list };
    }
}
