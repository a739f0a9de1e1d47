using System.Text.Json.Serialization;
using SesAnalytics.Engine.Aws.SesV2.Model;

namespace SesAnalytics.Engine.Aws.SesV2;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConfigurationSet))]
[JsonSerializable(typeof(CreateEventDestinationBody))]
[JsonSerializable(typeof(UpdateEventDestinationBody))]
[JsonSerializable(typeof(EventDestinationsResponse))]
[JsonSerializable(typeof(IdentityConfigurationSetBody))]
[JsonSerializable(typeof(EmailIdentity))]
[JsonSerializable(typeof(SendEmailRequest))]
[JsonSerializable(typeof(SendEmailResponse))]
[JsonSerializable(typeof(PutSuppressedDestinationBody))]
[JsonSerializable(typeof(GetSuppressedDestinationResponse))]
[JsonSerializable(typeof(ListSuppressedDestinationsResponse))]
internal sealed partial class SesV2JsonContext : JsonSerializerContext;
