"""JSON Schema of every kind of data file, generated from the model, with Thai titles and help for editors.

VS Code's YAML extension reads the schema named on the first line of each data file and shows completion, hover
help and errors while the editor types. The files in schema/ are generated (`python -m opmanual schema`); a test
fails when they are out of date, and another when a field of the model has no Thai help here.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import model as m

SCHEMA_DIR = Path(__file__).resolve().parents[3] / "schema"

FILES: dict[str, type[BaseModel]] = {
    "office.schema.json": m.OfficeFile,
    "person.schema.json": m.Person,
    "process.schema.json": m.Process,
    "references.schema.json": m.ReferencesFile,
}

# The schema of each kind of data file: by file name at the top of a data folder, by folder below it.
KINDS = {
    "office.yml": "office.schema.json",
    "references.yml": "references.schema.json",
    "people": "person.schema.json",
    "processes": "process.schema.json",
}

MODELS: dict[str, str] = {
    "OfficeFile": "ไฟล์ office.yml: สำนักงาน กลุ่มนิเทศ โครงสร้าง และข้อมูลของคู่มือ",
    "Person": "ไฟล์ของศึกษานิเทศก์หนึ่งคน (people/<รหัส>.yml) — รหัสคือชื่อไฟล์",
    "Process": "ไฟล์ของกระบวนงานหนึ่งเรื่อง (processes/<รหัส>.yml) ตามโครงสร้าง ๘ หัวข้อ — รหัสคือชื่อไฟล์",
    "ReferencesFile": "ไฟล์ references.yml: เอกสารอ้างอิงและบรรณานุกรม",
    "Aims": "วิสัยทัศน์ พันธกิจ และเป้าหมาย",
    "Cell": "ช่องหนึ่งของตารางมาตรฐาน: ข้อความ รายการ หรือทั้งสองอย่าง",
    "Cluster": "กลุ่มโรงเรียนหรือเครือข่าย",
    "Contacts": "ช่องทางติดต่อ",
    "Decision": "จุดตัดสินใจ (รูปข้าวหลามตัด) ในผังงาน",
    "Definition": "คำจำกัดความ",
    "Document": "กฎหมายหรือเอกสารที่กระบวนงานอ้างถึง",
    "Duty": "งานในหน้าที่ที่รับผิดชอบ",
    "Flowchart": "หัวข้อที่ ๖ Flow Chart การปฏิบัติงาน (ผังสร้างจากขั้นตอนโดยอัตโนมัติ)",
    "Foreword": "คำนำ",
    "ManualForeword": "คำนำของคู่มือทั้งเล่ม",
    "SubStep": "ขั้นตอนย่อย (ไม่ต้องพิมพ์เลขข้อ)",
    "Group": "กลุ่มนิเทศ ติดตาม และประเมินผลการจัดการศึกษา",
    "LearningArea": "กลุ่มสาระการเรียนรู้",
    "ListItem": "ข้อหนึ่งในรายการ (ไม่ต้องพิมพ์เลขข้อ)",
    "Form": "แบบฟอร์มที่ใช้ พร้อมไฟล์ให้ดาวน์โหลด (ถ้ามี)",
    "ManualInfo": "ข้อมูลของเล่มคู่มือ",
    "Method": "วิธีการทำงาน เช่น วงจรคุณภาพ PDCA",
    "Office": "สำนักงานเขตพื้นที่การศึกษา",
    "Order": "คำสั่งมอบหมายงาน",
    "Position": "ตำแหน่งในแผนภูมิโครงสร้าง",
    "Risk": "ความเสี่ยงและจุดควบคุม",
    "ScheduleRow": "แถวหนึ่งของตารางระยะเวลา",
    "Section": "หัวข้อที่มีย่อหน้า คำจำกัดความ รายการ และหัวข้อย่อย",
    "Source": "รายการบรรณานุกรม",
    "StandardRow": "แถวหนึ่งของมาตรฐานการปฏิบัติงาน",
    "Step": "ขั้นตอนการปฏิบัติงาน (ไม่ต้องพิมพ์เลขข้อ)",
    "Task": "งานในกลุ่มงาน",
    "WorkGroup": "กลุ่มงานในขอบข่ายภารกิจ",
    "WorkStandard": "มาตรฐานการปฏิบัติงานหนึ่งเรื่อง",
}

# (title, help) of every field, by "Model.field".
FIELDS: dict[str, tuple[str, str]] = {
    "Aims.vision": ("วิสัยทัศน์", "ข้อความวิสัยทัศน์"),
    "Aims.mission": ("พันธกิจ", "รายการพันธกิจ ไม่ต้องพิมพ์เลขข้อ"),
    "Aims.goals": ("เป้าหมาย", "เป้าหมาย เป้าประสงค์ หรือเป้าหมายการปฏิบัติงาน"),
    "Cell.text": ("ข้อความ", "ข้อความในช่องนี้"),
    "Cell.items": ("รายการ", "รายการในช่องนี้ ระบบใส่เลขข้อให้"),
    "Cluster.id": ("รหัส", "รหัสภาษาอังกฤษตัวเล็ก เช่น cluster-1 ใช้อ้างถึงจากไฟล์บุคลากร"),
    "Cluster.name": ("ชื่อ", "เช่น กลุ่มโรงเรียนที่ ๑"),
    "Cluster.schools": ("โรงเรียน", "จำนวนโรงเรียน หรือรายชื่อโรงเรียน (ระบบนับให้)"),
    "Cluster.text": ("รายละเอียด", "ย่อหน้าอธิบาย"),
    "Contacts.phone": ("โทรศัพท์", "หมายเลขโทรศัพท์ ใส่เครื่องหมายคำพูดถ้าเป็นตัวเลขล้วน"),
    "Contacts.email": ("อีเมล", "ที่อยู่อีเมล"),
    "Contacts.facebook": ("Facebook", "ที่อยู่เพจ Facebook"),
    "Contacts.website": ("เว็บไซต์", "ที่อยู่เว็บไซต์"),
    "Contacts.address": ("ที่อยู่", "ที่อยู่สำนักงาน"),
    "Decision.question": ("คำถาม", "ข้อความในรูปข้าวหลามตัด เช่น ผู้บริหารเห็นชอบหรือไม่"),
    "Decision.yes": ("คำตอบใช่", "ป้ายของทางที่ไปต่อ ค่าเริ่มต้น ใช่"),
    "Decision.no": ("คำตอบไม่ใช่", "ป้ายของทางแยก ค่าเริ่มต้น ไม่ใช่"),
    "Decision.yes_to": ("ไปต่อที่", "รหัสขั้นตอนหรือ end ถ้าไม่ใส่ ไปขั้นตอนถัดไป"),
    "Decision.no_to": ("ถ้าไม่ใช่ ไปที่", "รหัสขั้นตอน (ขั้นตอนก่อนหน้าทำให้วนกลับ) หรือ end"),
    "Decision.before": ("ตรวจก่อนขั้นตอน", "true: ตรวจก่อนทำขั้นตอนนี้ แทนที่จะตรวจหลังทำ"),
    "Definition.term": ("คำ", "คำที่ให้ความหมาย"),
    "Definition.says": ("คำเชื่อม", "หมายถึง (ค่าเริ่มต้น) หรือ หมายความว่า"),
    "Definition.meaning": ("ความหมาย", "ย่อหน้าความหมาย"),
    "Definition.items": ("รายการ", "รายการที่เป็นส่วนหนึ่งของความหมาย"),
    "Document.id": ("รหัส", "รหัสที่กระบวนงานใช้อ้างถึงใน references"),
    "Document.title": ("ชื่อเอกสาร", "ชื่อกฎหมายหรือเอกสารเต็ม"),
    "Document.url": ("ที่อยู่เว็บ", "ลิงก์ไปยังเอกสาร (ถ้ามี)"),
    "Duty.title": ("ชื่องาน", "ชื่องานในหน้าที่"),
    "Duty.text": ("รายละเอียด", "ย่อหน้าอธิบายงาน"),
    "Duty.definitions": ("คำจำกัดความ", "คำจำกัดความของงานนี้"),
    "Duty.items": ("รายการ", "รายการประกอบ"),
    "Duty.sections": ("หัวข้อย่อย", "หัวข้อย่อยของงาน"),
    "Duty.roles": ("บทบาทและหน้าที่", "รายการบทบาทและหน้าที่"),
    "Duty.forms": ("แบบฟอร์มที่ใช้", "รายการแบบฟอร์ม"),
    "Flowchart.title": ("คำอธิบายผัง", "ข้อความใต้หัวข้อ Flow Chart (ถ้ามี)"),
    "Flowchart.start": ("จุดเริ่ม", "ข้อความในวงรีเริ่มต้น"),
    "Flowchart.end": ("จุดสิ้นสุด", "ข้อความในวงรีสิ้นสุด"),
    "Foreword.text": ("ข้อความคำนำ", "ย่อหน้าของคำนำ"),
    "Foreword.signed_as": ("ตำแหน่งใต้ลายมือชื่อ", "บรรทัดตำแหน่งใต้ชื่อ ถ้าต่างจากที่ระบบสร้าง"),
    "Foreword.date": ("วันที่", "วันที่ของคำนำ"),
    "ManualForeword.text": ("ข้อความคำนำ", "ย่อหน้าของคำนำ"),
    "ManualForeword.signed_by": ("ผู้ลงนาม", "รหัสบุคลากรผู้ลงนามคำนำของทั้งเล่ม"),
    "ManualForeword.signed_as": ("ตำแหน่งใต้ลายมือชื่อ", "บรรทัดตำแหน่งใต้ชื่อ ถ้าไม่ใส่ ใช้ชื่อสำนักงาน"),
    "ManualForeword.date": ("วันที่", "วันที่ของคำนำ"),
    "Group.name": ("ชื่อกลุ่ม", "ชื่อกลุ่มนิเทศ"),
    "Group.contacts": ("ติดต่อ", "ช่องทางติดต่อกลุ่ม"),
    "Group.concept": ("แนวคิด", "ย่อหน้าแนวคิด"),
    "Group.objectives": ("วัตถุประสงค์", "รายการวัตถุประสงค์"),
    "Group.aims": ("วิสัยทัศน์ พันธกิจ เป้าหมายของกลุ่ม", "ระดับกลุ่ม"),
    "Group.operational_aims": ("การปฏิบัติงานตามโครงสร้าง", "วิสัยทัศน์ พันธกิจ เป้าหมายการปฏิบัติงาน"),
    "Group.scope_text": ("ขอบข่ายภารกิจ (ย่อหน้านำ)", "ย่อหน้าก่อนรายการกลุ่มงาน"),
    "Group.workgroups": ("กลุ่มงาน", "กลุ่มงานและงานในขอบข่ายภารกิจ"),
    "Group.position_standard": ("งานตามมาตรฐานตำแหน่ง", "หัวข้อมาตรฐานตำแหน่งศึกษานิเทศก์"),
    "Group.knowledge": ("สาระความรู้", "สาระความรู้ ความสามารถ และลักษณะงานที่ปฏิบัติ"),
    "Group.method": ("วิธีการทำงาน", "เช่น วงจรคุณภาพ PDCA"),
    "Group.areas": ("งานอื่นของกลุ่ม", "หัวข้องานอื่น ๆ"),
    "Group.learning_areas": ("กลุ่มสาระการเรียนรู้", "รายการกลุ่มสาระพร้อมรหัส"),
    "Group.clusters_text": ("กลุ่มโรงเรียน (ย่อหน้านำ)", "ย่อหน้าอธิบายกลุ่มโรงเรียน"),
    "Group.clusters": ("กลุ่มโรงเรียน", "กลุ่มโรงเรียนพร้อมจำนวนหรือรายชื่อโรงเรียน"),
    "Group.networks": ("เครือข่าย", "เครือข่ายและศูนย์พัฒนาวิชาการ"),
    "LearningArea.id": ("รหัส", "รหัสภาษาอังกฤษ เช่น science"),
    "LearningArea.name": ("ชื่อ", "ชื่อกลุ่มสาระการเรียนรู้"),
    "ListItem.text": ("ข้อความ", "ข้อความของข้อนี้"),
    "ListItem.items": ("ข้อย่อย", "รายการย่อย ระบบใส่เลข ๑.๑ ให้"),
    "ManualInfo.title": ("ชื่อคู่มือ", "เช่น คู่มือการปฏิบัติงานศึกษานิเทศก์"),
    "ManualInfo.year": ("ปี พ.ศ.", "ปีของคู่มือเป็นพุทธศักราช เช่น 2567"),
    "ManualInfo.foreword": ("คำนำของทั้งเล่ม", "คำนำของคู่มือฉบับกลุ่ม"),
    "ManualInfo.logo": ("ตราสัญลักษณ์", "ไฟล์รูปภาพในโฟลเดอร์ข้อมูล เช่น files/logo.png (ใช้บนปกและหน้าแรก)"),
    "Form.text": ("ชื่อแบบฟอร์ม", "ชื่อแบบฟอร์ม"),
    "Form.file": ("ไฟล์แบบฟอร์ม", "ไฟล์ในโฟลเดอร์ข้อมูล เช่น files/forms/report.docx ให้ผู้อ่านดาวน์โหลด"),
    "ManualInfo.digits": ("ตัวเลข", "thai: เลขไทย (ค่าเริ่มต้น) หรือ arabic: เลขอารบิก สำหรับเลขที่ระบบสร้าง"),
    "Method.title": ("ชื่อ", "ชื่อวิธีการทำงาน"),
    "Method.text": ("รายละเอียด", "ย่อหน้าอธิบาย"),
    "Method.steps": ("ขั้นตอน", "ขั้นตอนของวิธีการ"),
    "Office.name": ("ชื่อสำนักงาน", "ชื่อเต็มของสำนักงานเขตพื้นที่การศึกษา"),
    "Office.short_name": ("ชื่อย่อ", "เช่น สพม.กท ๑"),
    "Office.english_name": ("ชื่อภาษาอังกฤษ", "ชื่อภาษาอังกฤษ (ถ้ามี)"),
    "Office.aims": ("วิสัยทัศน์ พันธกิจ เป้าประสงค์ของสำนักงาน", "ระดับสำนักงาน"),
    "Office.aims_terms": ("ความหมายของวิสัยทัศน์", "คำในวิสัยทัศน์และความหมาย"),
    "Office.aims_source": ("อ้างอิงข้อมูล", "แหล่งที่มาของวิสัยทัศน์"),
    "OfficeFile.manual": ("ข้อมูลคู่มือ", "ชื่อคู่มือ ปี และการตั้งค่าตัวเลข"),
    "OfficeFile.office": ("สำนักงาน", "สำนักงานเขตพื้นที่การศึกษา"),
    "OfficeFile.group": ("กลุ่มนิเทศ", "ข้อมูลของกลุ่มนิเทศ"),
    "OfficeFile.organization": ("แผนภูมิโครงสร้าง", "ตำแหน่งจากผู้อำนวยการสำนักงานลงมาถึงผู้อำนวยการกลุ่ม"),
    "Order.number": ("เลขที่คำสั่ง", "เช่น 185/2564 (ใส่เครื่องหมายคำพูดได้)"),
    "Order.title": ("เรื่อง", "เรื่องของคำสั่ง"),
    "Order.issuer": ("ผู้ออกคำสั่ง", "ถ้าไม่ใส่ ใช้ชื่อสำนักงาน"),
    "Order.date": ("ลงวันที่", "วันที่ของคำสั่ง"),
    "Person.prefix": ("คำนำหน้า", "นาย นาง นางสาว ดร. ฯลฯ"),
    "Person.name": ("ชื่อ", "ชื่อจริง"),
    "Person.surname": ("นามสกุล", "นามสกุล"),
    "Person.position": ("ตำแหน่ง", "ค่าเริ่มต้น ศึกษานิเทศก์"),
    "Person.rank": ("วิทยฐานะ", "ชำนาญการ ชำนาญการพิเศษ เชี่ยวชาญ หรือเชี่ยวชาญพิเศษ (ไม่ใส่ถ้ายังไม่มี)"),
    "Person.role": ("บทบาท", "บทบาทพิเศษที่ไม่อยู่ในแผนภูมิโครงสร้าง"),
    "Person.order": ("คำสั่งมอบหมายงาน", "คำสั่งที่มอบหมายหน้าที่"),
    "Person.foreword": ("คำนำ", "คำนำของคู่มือส่วนบุคคล ระบบสร้างลายมือชื่อให้"),
    "Person.aims": ("วิสัยทัศน์ พันธกิจ เป้าหมายการปฏิบัติงาน", "ระดับบุคคล"),
    "Person.duties": ("งานในหน้าที่ที่รับผิดชอบ", "รายการงานในหน้าที่"),
    "Person.clusters": ("กลุ่มโรงเรียนที่รับผิดชอบ", "รหัสกลุ่มโรงเรียนจาก office.yml"),
    "Person.networks": ("เครือข่ายที่รับผิดชอบ", "รหัสเครือข่ายจาก office.yml"),
    "Person.learning_areas": ("กลุ่มสาระที่รับผิดชอบ", "รหัสกลุ่มสาระจาก office.yml"),
    "Person.projects": ("โครงการ", "รายการโครงการ"),
    "Person.processes": ("กระบวนงานที่รับผิดชอบ", "รหัสกระบวนงาน (ชื่อไฟล์ใน processes/)"),
    "Person.work_standards": ("มาตรฐานการปฏิบัติงาน", "หัวข้อมาตรฐาน แต่ละหัวข้อเป็นตาราง"),
    "Person.bibliography": ("บรรณานุกรม", "รหัสรายการบรรณานุกรมจาก references.yml"),
    "Position.id": ("รหัส", "รหัสตำแหน่ง เช่น office-director"),
    "Position.title": ("ชื่อตำแหน่ง", "ชื่อตำแหน่งเต็ม"),
    "Position.person": ("ผู้ดำรงตำแหน่ง (รหัส)", "รหัสบุคลากรใน people/"),
    "Position.name": ("ผู้ดำรงตำแหน่ง (ชื่อ)", "ชื่อ เมื่อผู้ดำรงตำแหน่งไม่อยู่ใน people/"),
    "Position.rank": ("ตำแหน่งและวิทยฐานะ", "บรรทัดใต้ชื่อ"),
    "Position.acting": ("ปฏิบัติหน้าที่", "true ถ้าเป็นการปฏิบัติหน้าที่แทน"),
    "Position.reports_to": ("ขึ้นตรงต่อ", "รหัสตำแหน่งที่อยู่เหนือขึ้นไป"),
    "Process.name": ("ชื่องาน (กระบวนงาน)", "หัวข้อที่ ๑"),
    "Process.workgroup": ("กลุ่มงาน", "รหัสกลุ่มงานจาก office.yml"),
    "Process.objectives": ("วัตถุประสงค์", "หัวข้อที่ ๒"),
    "Process.scope": ("ขอบเขตของงาน", "หัวข้อที่ ๓ ย่อหน้า"),
    "Process.scope_items": ("ขอบเขตของงาน (รายการ)", "รายการในหัวข้อที่ ๓"),
    "Process.definitions": ("คำจำกัดความ", "หัวข้อที่ ๔"),
    "Process.steps": ("ขั้นตอนการปฏิบัติงาน", "หัวข้อที่ ๕ ขั้นตอนย่อยใส่ใต้ steps"),
    "Process.flowchart": ("Flow Chart", "หัวข้อที่ ๖ ผังสร้างจากขั้นตอน"),
    "Process.forms_text": ("แบบฟอร์ม (ย่อหน้านำ)", "ย่อหน้าก่อนรายการแบบฟอร์ม"),
    "Process.forms": ("แบบฟอร์มที่ใช้", "หัวข้อที่ ๗"),
    "Process.references": ("เอกสาร/หลักฐานอ้างอิง", "หัวข้อที่ ๘ รหัสเอกสารจาก references.yml"),
    "Process.bibliography": ("บรรณานุกรม", "รหัสรายการบรรณานุกรมจาก references.yml"),
    "Process.schedule": ("ระยะเวลาการปฏิบัติงาน", "ตารางกิจกรรมและเดือน ปี พ.ศ."),
    "Process.kpis": ("มาตรฐานงานและตัวชี้วัด", "รายการตัวชี้วัด"),
    "Process.monitoring": ("ระบบติดตามประเมินผล", "ย่อหน้า"),
    "Process.risks": ("ความเสี่ยงและจุดควบคุม", "รายการความเสี่ยง"),
    "ReferencesFile.documents": ("เอกสารอ้างอิง", "กฎหมายและเอกสารที่กระบวนงานอ้างถึง"),
    "ReferencesFile.bibliography": ("บรรณานุกรม", "รายการบรรณานุกรม"),
    "Risk.risk": ("ความเสี่ยง", "ความเสี่ยงที่อาจเกิด"),
    "Risk.control": ("จุดควบคุม", "วิธีควบคุมความเสี่ยง"),
    "ScheduleRow.text": ("กิจกรรม", "วิธีการหรือขั้นตอนการปฏิบัติงาน"),
    "ScheduleRow.start": ("เริ่ม", "ปี พ.ศ. และเดือน เช่น 2566-04"),
    "ScheduleRow.end": ("สิ้นสุด", "ปี พ.ศ. และเดือน เช่น 2566-09 (ไม่ใส่ถ้าเดือนเดียว)"),
    "Section.title": ("หัวข้อ", "ชื่อหัวข้อ"),
    "Section.text": ("ย่อหน้า", "ย่อหน้าหนึ่งบรรทัดต่อหนึ่งย่อหน้า"),
    "Section.definitions": ("คำจำกัดความ", "คำและความหมาย"),
    "Section.items": ("รายการ", "รายการ ระบบใส่เลขข้อให้"),
    "Section.sections": ("หัวข้อย่อย", "หัวข้อย่อย"),
    "Source.id": ("รหัส", "รหัสที่ใช้อ้างถึง"),
    "Source.author": ("ผู้แต่ง", "ชื่อผู้แต่งหรือหน่วยงาน"),
    "Source.year": ("ปีที่พิมพ์", "ปี พ.ศ. หรือ ม.ป.ป."),
    "Source.title": ("ชื่อเรื่อง", "ชื่อหนังสือหรือเอกสาร"),
    "Source.place": ("สถานที่พิมพ์", "เช่น กรุงเทพฯ"),
    "Source.publisher": ("สำนักพิมพ์", "ชื่อสำนักพิมพ์"),
    "Source.detail": ("รายละเอียดอื่น", "เช่น ราชกิจจานุเบกษา เล่ม ... หรือ เอกสารอัดสำเนา"),
    "Source.url": ("ที่อยู่เว็บ", "ลิงก์ (ถ้ามี)"),
    "Source.accessed": ("วันที่สืบค้น", "เช่น ๑๓ พฤษภาคม ๒๕๖๔"),
    "StandardRow.activity": ("กิจกรรม/วิธีปฏิบัติ", "ข้อความหรือรายการ"),
    "StandardRow.standard": ("มาตรฐาน/หลักฐาน", "ข้อความหรือรายการของหลักฐานร่องรอย"),
    "SubStep.text": ("ขั้นตอนย่อย", "ข้อความของขั้นตอนย่อย"),
    "SubStep.id": ("รหัสขั้นตอน", "ใส่เมื่อต้องการอ้างถึงขั้นตอนนี้ (ห้ามใช้ end)"),
    "SubStep.steps": ("ขั้นตอนย่อย", "ขั้นตอนย่อยลงไปอีกระดับ"),
    "SubStep.duration": ("ระยะเวลา", "ระยะเวลาของขั้นตอน"),
    "SubStep.responsible": ("ผู้รับผิดชอบ", "รหัสบุคลากร"),
    "SubStep.standard": ("มาตรฐานคุณภาพงาน", "มาตรฐานของขั้นตอน"),
    "Step.text": ("ขั้นตอน", "ข้อความของขั้นตอน"),
    "Step.id": ("รหัสขั้นตอน", "ใส่เมื่อผังงานต้องอ้างถึงขั้นตอนนี้ เช่น draft"),
    "Step.label": ("ข้อความในผัง", "ข้อความสั้นในกล่องของผังงาน"),
    "Step.kind": ("รูปในผัง", "process: สี่เหลี่ยม (ค่าเริ่มต้น) หรือ document: รูปเอกสาร"),
    "Step.steps": ("ขั้นตอนย่อย", "ขั้นตอนย่อย ระบบใส่เลข ๑.๑ ให้"),
    "Step.duration": ("ระยะเวลา", "ระยะเวลาของขั้นตอน"),
    "Step.responsible": ("ผู้รับผิดชอบ", "รหัสบุคลากร"),
    "Step.standard": ("มาตรฐานคุณภาพงาน", "มาตรฐานของขั้นตอน"),
    "Step.decision": ("จุดตัดสินใจ", "คำถามและทางแยกในผังงาน"),
    "Step.next": ("ขั้นตอนถัดไป", "รหัสขั้นตอนหรือ end ถ้าไม่ใช่ขั้นตอนถัดไปตามลำดับ"),
    "Task.title": ("ชื่องาน", "ชื่องานในกลุ่มงาน"),
    "Task.text": ("รายละเอียด", "ภารกิจในงาน"),
    "WorkGroup.id": ("รหัส", "รหัสกลุ่มงาน เช่น quality-assurance"),
    "WorkGroup.name": ("ชื่อกลุ่มงาน", "ชื่อเต็มของกลุ่มงาน"),
    "WorkGroup.text": ("รายละเอียด", "ย่อหน้าอธิบายกลุ่มงาน"),
    "WorkGroup.tasks_title": ("หัวข้อรายการงาน", "หัวข้อก่อนรายการงาน (ถ้ามี)"),
    "WorkGroup.tasks": ("งาน", "รายการงานในกลุ่มงาน"),
    "WorkGroup.members": ("ผู้ปฏิบัติงาน", "รหัสบุคลากร"),
    "WorkStandard.topic": ("เรื่อง", "หัวข้อมาตรฐาน"),
    "WorkStandard.headers": ("หัวตาราง", "หัวตารางสองช่อง ถ้าต่างจากค่าเริ่มต้น"),
    "WorkStandard.rows": ("แถว", "แต่ละแถวจับคู่กิจกรรมกับมาตรฐาน/หลักฐาน"),
}


def generate(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of one file kind, with Thai titles and descriptions."""
    schema = model.model_json_schema(mode="validation")
    definitions = schema.get("$defs", {})
    for name, definition in [(model.__name__, schema), *definitions.items()]:
        if name in MODELS:
            definition["title"] = MODELS[name]
            definition["description"] = MODELS[name]
        for field, spec in definition.get("properties", {}).items():
            title, help_text = FIELDS[f"{name}.{field}"]
            spec["title"] = title
            spec["description"] = help_text
            spec["markdownDescription"] = f"**{title}** — {help_text} (`{field}`)"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def render(model: type[BaseModel]) -> str:
    return json.dumps(generate(model), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write(directory: Path = SCHEMA_DIR) -> list[Path]:
    directory.mkdir(exist_ok=True)
    written = []
    for name, model in FILES.items():
        path = directory / name
        path.write_text(render(model), encoding="utf-8")
        written.append(path)
    return written


def stale(directory: Path = SCHEMA_DIR) -> list[str]:
    """Schema files whose committed text differs from what the model generates."""
    return [
        name
        for name, model in FILES.items()
        if not (directory / name).is_file() or (directory / name).read_text(encoding="utf-8") != render(model)
    ]


def schema_of(path: Path, root: Path) -> Path:
    """The schema file of the data file `path` in the data folder `root`."""
    return SCHEMA_DIR / KINDS[path.name if path.parent == root else path.parent.name]


def modeline(path: Path, root: Path) -> str:
    """The first line of a data file, which points VS Code's YAML extension at the file's schema."""
    target = os.path.relpath(schema_of(path, root), path.resolve().parent)
    return f"# yaml-language-server: $schema={Path(target).as_posix()}"
