namespace SesAnalytics.Engine.Query.Grouping;

/// <summary>What events can be grouped by, besides the day.</summary>
public enum GroupDimension
{
    /// <summary>The sending identity: the store folder or the table's <c>sender_identity</c> partition.</summary>
    Identity,

    /// <summary>The <c>ses:configuration-set</c> tag SES adds to every event of mail sent through a configuration set.</summary>
    ConfigurationSet,

    /// <summary>The domain of each recipient, lower-case, an internationalised domain in Unicode.</summary>
    RecipientDomain,

    /// <summary>The domain of the From address: SES's <c>ses:from-domain</c> tag, else the domain of <c>mail.source</c>.</summary>
    FromDomain,

    /// <summary>The first value of a mail tag, by name (for example <c>campaign</c>).</summary>
    Tag,
}
