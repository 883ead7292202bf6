import { readdirSync, readFileSync } from 'node:fs';
import { parse, parseAllDocuments } from 'yaml';
import { deployPath } from './paths';

/** One Kubernetes object of deploy/k8s and the file it came from. */
export interface K8sObject {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  // biome-ignore lint/suspicious/noExplicitAny: manifests are checked against the Kubernetes models, not typed here
  spec?: any;
}

/** Every object of every deploy/k8s/*.yaml file. */
export function k8sObjects(): K8sObject[] {
  const dir = deployPath('k8s');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((file) =>
      parseAllDocuments(readFileSync(`${dir}/${file}`, 'utf8')).map((doc) => ({
        ...(doc.toJS() as K8sObject),
        file,
      })),
    );
}

/** A YAML file of the kit, parsed. */
export function readYaml<T>(...path: string[]): T {
  return parse(readFileSync(deployPath(...path), 'utf8')) as T;
}
