/**
 * `imsmanifest.xml` for the course as one SCO: SCORM 1.2 or SCORM 2004 4th edition. Written from
 * the course data by scripts/package-lms.ts; every file of the package is listed in the resource.
 */

/** What the manifest says. */
export interface ManifestInput {
  /** The package identifier (stable across versions, so an LMS sees an update, not a new course). */
  identifier: string;
  version: string;
  title: string;
  /** The launch file, relative to the package root. */
  launch: string;
  /** Every file of the package except the manifest, relative to the root, with `/` separators. */
  files: readonly string[];
  /** The final check's share to pass, 0..1 (80 %: `adlcp:masteryscore` 80; 2004: `minNormalizedMeasure` 0.8). */
  masteryScore: number;
}

export type ScormVersion = '1.2' | '2004';

/** Escapes text and attribute values. */
export function xml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

function fileList(files: readonly string[], indent: string): string {
  return [...files]
    .sort()
    .map((file) => `${indent}<file href="${xml(encodeURI(file))}"/>`)
    .join('\n');
}

/** What differs between the versions: namespaces, schema version, the mastery score, one attribute's case. */
interface VersionParts {
  /** The `<manifest>` element's namespace declarations and schema locations. */
  namespaces: string;
  schemaVersion: string;
  /** The item's mastery score, as the version says it. */
  mastery: (score: number) => string;
  /** `adlcp:scormtype` (1.2) or `adlcp:scormType` (2004). */
  scormTypeAttribute: string;
}

const VERSIONS: Record<ScormVersion, VersionParts> = {
  '1.2': {
    namespaces: `xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"`,
    schemaVersion: '1.2',
    mastery: (score) => `<adlcp:masteryscore>${Math.round(score * 100)}</adlcp:masteryscore>`,
    scormTypeAttribute: 'adlcp:scormtype',
  },
  // The primary objective is satisfied by measure: the LMS passes the learner when the final
  // check's scaled score reaches the mastery score, and gives the course that share as
  // `cmi.scaled_passing_score`.
  '2004': {
    namespaces: `xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
    xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
    xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
    xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"`,
    schemaVersion: '2004 4th Edition',
    mastery: (score) => `<imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="final-check" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${score}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>`,
    scormTypeAttribute: 'adlcp:scormType',
  },
};

/** The manifest for `version`. */
export function scormManifest(version: ScormVersion, input: ManifestInput): string {
  const parts = VERSIONS[version];
  const title = xml(input.title);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xml(input.identifier)}" version="${xml(input.version)}"
    ${parts.namespaces}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${parts.schemaVersion}</schemaversion>
  </metadata>
  <organizations default="organization">
    <organization identifier="organization">
      <title>${title}</title>
      <item identifier="course" identifierref="course-files" isvisible="true">
        <title>${title}</title>
        ${parts.mastery(input.masteryScore)}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="course-files" type="webcontent" ${parts.scormTypeAttribute}="sco" href="${xml(input.launch)}">
${fileList(input.files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}
