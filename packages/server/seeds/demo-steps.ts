/**
 * Demo data each feature adds after the district, people and students exist, in this order.
 * Add one import and one array entry per feature.
 */
import type { DemoSeedStep } from "./demo.ts";
import { demoEnforcementStep } from "./demo-enforcement.ts";
import { demoFamilyStep } from "./demo-family.ts";
import { demoPlansStep } from "./demo-plans.ts";
import { demoRetentionStep } from "./demo-retention.ts";

export const DEMO_SEED_STEPS: DemoSeedStep[] = [demoPlansStep, demoEnforcementStep, demoRetentionStep, demoFamilyStep];
