using System.Text.Json.Serialization;
using SesAnalytics.Engine.Aws.Athena.Model;

namespace SesAnalytics.Engine.Aws.Athena;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StartQueryExecutionRequest))]
[JsonSerializable(typeof(StartQueryExecutionResponse))]
[JsonSerializable(typeof(GetQueryExecutionRequest))]
[JsonSerializable(typeof(GetQueryExecutionResponse))]
[JsonSerializable(typeof(GetQueryResultsRequest))]
[JsonSerializable(typeof(GetQueryResultsResponse))]
[JsonSerializable(typeof(StopQueryExecutionRequest))]
[JsonSerializable(typeof(StopQueryExecutionResponse))]
[JsonSerializable(typeof(GetWorkGroupRequest))]
[JsonSerializable(typeof(GetWorkGroupResponse))]
internal sealed partial class AthenaJsonContext : JsonSerializerContext;
