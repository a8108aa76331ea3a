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

/** The manifest of a SCORM 1.2 package. */
function manifest12(input: ManifestInput): string {
  const title = xml(input.title);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xml(input.identifier)}" version="${xml(input.version)}"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="organization">
    <organization identifier="organization">
      <title>${title}</title>
      <item identifier="course" identifierref="course-files" isvisible="true">
        <title>${title}</title>
        <adlcp:masteryscore>${Math.round(input.masteryScore * 100)}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="course-files" type="webcontent" adlcp:scormtype="sco" href="${xml(input.launch)}">
${fileList(input.files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/**
 * The manifest of a SCORM 2004 4th edition package. The primary objective is satisfied by measure:
 * the LMS passes the learner when the final check's scaled score reaches the mastery score, and
 * gives the course that share as `cmi.scaled_passing_score`.
 */
function manifest2004(input: ManifestInput): string {
  const title = xml(input.title);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xml(input.identifier)}" version="${xml(input.version)}"
    xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
    xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
    xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
    xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="organization">
    <organization identifier="organization">
      <title>${title}</title>
      <item identifier="course" identifierref="course-files" isvisible="true">
        <title>${title}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="final-check" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${input.masteryScore}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="course-files" type="webcontent" adlcp:scormType="sco" href="${xml(input.launch)}">
${fileList(input.files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/** The manifest for `version`. */
export function scormManifest(version: ScormVersion, input: ManifestInput): string {
  return version === '1.2' ? manifest12(input) : manifest2004(input);
}
